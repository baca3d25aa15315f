import { randomUUID } from 'node:crypto'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { isAbsolute, join } from 'node:path'
import { type SeedReport, startLocalStack } from '@ey/local-stack'

/** Where the run keeps its scratch data: memory-backed where the machine has it, as DynamoDB Local writes a lot. */
export const SCRATCH = existsSync('/dev/shm') ? '/dev/shm' : tmpdir()

/**
 * The folder the run's demo programme is seeded into, for the global setups to hand out
 * (`seededDataDir`): chosen by the first of them to run (Vitest runs the projects' own before the
 * root's) and the same for the others, as all run in Vitest's main process.
 */
export function runSeededDataDir(): string {
  process.env.EY_SEEDED_DATA_DIR ??= join(SCRATCH, `ey-seeded-${randomUUID()}`)
  return process.env.EY_SEEDED_DATA_DIR
}

/** The seeded data folder of the run, and what the seed loaded into it. */
export interface SeededData {
  dataDir: string
  report: SeedReport
}

// Beside the folder: who seeds it (made atomically by the first to ask), and how it ended.
const lockOf = (dataDir: string) => `${dataDir}.lock`
const readyOf = (dataDir: string) => `${dataDir}.ready.json`
const failedOf = (dataDir: string) => `${dataDir}.failed`

/**
 * The demo programme seeded once per run into a local stack's data folder (`dataDir`, a path the
 * global setup chose, `inject('seededDataDir')`): made by the first to ask, the site's global setup
 * or a test file, and waited for by every other, whatever process it runs in. The folder holds the
 * take-up aggregates of every seeded booking and both stream pollers' places after the seed's
 * records, so a stack started on a copy of it (`copySeededData`) neither seeds nor replays the seed's
 * stream. Nobody starts a stack on the folder itself.
 */
export async function seededData(dataDir: string, timeoutMs = 600_000): Promise<SeededData> {
  if (typeof dataDir !== 'string' || !isAbsolute(dataDir)) {
    throw new Error(`the run's seeded data folder must be an absolute path, got ${String(dataDir)}`)
  }
  let mine = false
  try {
    mkdirSync(lockOf(dataDir))
    mine = true
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  if (mine) {
    try {
      const stack = await startLocalStack({ dataDir, seed: true, jobs: false })
      try {
        await Promise.all([stack.drainTakeUp(timeoutMs), stack.drainMail(timeoutMs)])
      } finally {
        // The pollers save their places as they stop.
        await stack.stop()
      }
      if (!stack.seed?.seeded) throw new Error(`${dataDir} was seeded before this run`)
      writeFileSync(readyOf(dataDir), JSON.stringify(stack.seed))
    } catch (error) {
      writeFileSync(
        failedOf(dataDir),
        error instanceof Error ? (error.stack ?? error.message) : String(error),
      )
      throw error
    }
  }
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (existsSync(readyOf(dataDir))) {
      return { dataDir, report: JSON.parse(readFileSync(readyOf(dataDir), 'utf8')) as SeedReport }
    }
    if (existsSync(failedOf(dataDir))) {
      throw new Error(`seeding the run's demo data failed:\n${readFileSync(failedOf(dataDir), 'utf8')}`)
    }
    if (Date.now() > deadline) throw new Error(`the run's demo data was not seeded within ${timeoutMs} ms`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** A copy of the run's seeded data folder for one stack, and its removal. */
export function copySeededData(seeded: SeededData): { dataDir: string; remove(): void } {
  const dataDir = mkdtempSync(join(SCRATCH, 'ey-seeded-copy-'))
  cpSync(seeded.dataDir, dataDir, { recursive: true })
  return { dataDir, remove: () => rmSync(dataDir, { recursive: true, force: true }) }
}

/** Removes the run's seeded data folder and the files beside it. */
export function removeSeededData(dataDir: string): void {
  for (const path of [dataDir, lockOf(dataDir), readyOf(dataDir), failedOf(dataDir)]) {
    rmSync(path, { recursive: true, force: true })
  }
}
