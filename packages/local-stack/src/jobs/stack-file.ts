import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

/** What `pnpm start` writes to `.local/stack.json` while it runs, for `pnpm job` to find it. */
export interface StackFile {
  /** The process that runs the stack: a file whose process has gone is stale. */
  pid: number
  webUrl: string
  dynamoEndpoint: string
  sesEndpoint?: string
  issuerUrl: string
  tableName: string
  /** Where jobs are run by hand, and the token that allows it (the file is readable only by its owner). */
  jobs: { url: string; token: string }
  /** The stack's clock when the file was written (ISO), and whether it was set with `--now`. */
  clock: { at: string; shifted: boolean }
}

/** Writes the stack file, readable by its owner only (it holds the job control token). */
export function writeStackFile(path: string, stack: StackFile): void {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, `${JSON.stringify(stack, null, 2)}\n`, { mode: 0o600 })
}

/** The stack file, or undefined when there is none. */
export function readStackFile(path: string): StackFile | undefined {
  if (!existsSync(path)) return undefined
  return JSON.parse(readFileSync(path, 'utf8')) as StackFile
}

/** Removes the stack file if this process wrote it (another stack's file is left alone). */
export function removeStackFile(path: string, pid = process.pid): void {
  if (readStackFile(path)?.pid === pid) rmSync(path, { force: true })
}

/** Whether the process that wrote the file is still running. */
export function stackProcessAlive(stack: StackFile): boolean {
  try {
    process.kill(stack.pid, 0)
    return true
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}
