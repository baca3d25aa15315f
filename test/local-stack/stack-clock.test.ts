import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { SessionPage } from '@ey/contract'
import { JOBS } from '@ey/jobs-function'
import { freePort, type LocalStack, readStackFile, startLocalStack } from '@ey/local-stack'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const START = resolve(import.meta.dirname, '../../packages/local-stack/src/cli/start.ts')
// Saturday 24 October 2026, midday in London (summer time): the clocks go back that night.
const THEN = new Date('2026-10-24T11:00:00Z')

describe('a local stack started at a chosen time', () => {
  let stack: LocalStack

  beforeAll(async () => {
    stack = await startLocalStack({ now: THEN, seed: true, mail: false })
  }, 120_000)

  afterAll(() => stack?.stop())

  it('keeps one clock that starts at that time and runs on', () => {
    const now = stack.clock.now().getTime()
    expect(now).toBeGreaterThanOrEqual(THEN.getTime())
    expect(now - THEN.getTime()).toBeLessThan(120_000)
  })

  it('seeds the demo sessions around that time, and the API lists them by it', async () => {
    const page = (await (await fetch(`${stack.webUrl}/api/sessions?limit=100`)).json()) as SessionPage
    const starts = page.items.map((session) => new Date(session.startsAt).getTime())
    expect(starts.length).toBeGreaterThan(10)
    expect(Math.min(...starts)).toBeGreaterThan(THEN.getTime())
    expect(Math.min(...starts) - THEN.getTime()).toBeLessThan(7 * 24 * 3_600_000)
  })

  it('runs the registry’s jobs, and takes runs by hand on 127.0.0.1', () => {
    expect(stack.jobs?.jobs().map((job) => job.name)).toEqual(JOBS.map((job) => job.name))
    expect(stack.jobs?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })
})

describe('pnpm start -- --now', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'stack-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses a time it cannot read, saying what it takes, before starting anything', async () => {
    const { code, stderr } = await runToEnd([START, '--now', 'next tuesday'])
    expect(code).toBe(2)
    expect(stderr).toContain('--now "next tuesday" is not a time: give an ISO 8601 time such as')
  })

  it('prints the chosen time in its ready line, writes its stack file, and removes it on stop', async () => {
    const stackFile = join(dir, 'stack.json')
    const ports = await Promise.all([freePort(), freePort(), freePort(), freePort()])
    const child = spawn(
      process.execPath,
      [
        START,
        '--in-memory',
        '--no-seed',
        '--now',
        '2026-10-25T07:00',
        '--stack-file',
        stackFile,
        ...['--port', '--dynamodb-port', '--ses-port', '--issuer-port'].flatMap((flag, i) => [
          flag,
          String(ports[i]),
        ]),
      ],
      { env: { ...process.env, DDB_LOCAL_TELEMETRY: '0' } },
    )
    try {
      const ready = await lineMatching(child, /^Ready in/, 90_000)
      // The line names the time the clock was set to; it has run on while the stack started.
      expect(ready).toContain(
        'The clock was set to 7am on Sunday 25 October 2026, London time (2026-10-25T07:00:00.000Z), and runs on from there.',
      )
      expect(readStackFile(stackFile)).toMatchObject({
        pid: child.pid,
        webUrl: `http://127.0.0.1:${ports[0]}`,
        jobs: { url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:/), token: expect.any(String) },
        clock: { shifted: true },
      })
      expect(readFileSync(stackFile, 'utf8')).not.toContain('manage-token')
    } finally {
      const exited = new Promise((done) => child.once('exit', done))
      child.kill('SIGTERM')
      await exited
    }
    expect(existsSync(stackFile)).toBe(false)
  }, 120_000)
})

function runToEnd(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args)
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => {
      stdout += chunk
    })
    child.stderr.on('data', (chunk) => {
      stderr += chunk
    })
    child.once('exit', (code) => done({ code, stdout, stderr }))
  })
}

function lineMatching(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((done, fail) => {
    let seen = ''
    const timer = setTimeout(
      () => fail(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${seen}`)),
      timeoutMs,
    )
    child.stderr?.on('data', (chunk) => {
      seen += chunk
    })
    child.stdout?.on('data', (chunk) => {
      seen += chunk
      const line = seen.split('\n').find((l) => pattern.test(l))
      if (line) {
        clearTimeout(timer)
        done(line)
      }
    })
    child.once('exit', (code) =>
      fail(new Error(`exited with ${code} before a line matching ${pattern}:\n${seen}`)),
    )
  })
}
