import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

/**
 * Imports a function's bundle in a fresh Node with `env` as its whole environment and answers each
 * event in turn (one cold start, then warm), as Lambda would; resolves to what each returned. Not a
 * blocking spawn, so a server of this process (the local stack's staff issuer) can answer it.
 */
export async function bundledAnswers(
  bundle: string,
  events: unknown[],
  env: Record<string, string | undefined>,
): Promise<unknown[]> {
  const runner = `const { handler } = await import(process.argv[1])
const context = { functionName: 'test', getRemainingTimeInMillis: () => 10000 }
const answers = []
for (const event of JSON.parse(process.argv[2])) answers.push(await handler(event, context))
process.stdout.write(JSON.stringify(answers))`
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', runner, bundle, JSON.stringify(events)],
    { env, encoding: 'utf8', maxBuffer: 50_000_000 },
  )
  return JSON.parse(stdout) as unknown[]
}
