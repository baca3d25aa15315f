import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// A process that starts a detached child (as the stack starts DynamoDB Local) and ties it to itself
// with `dieWithParent`; with `handled`, it also stops in order on Ctrl-C, as `pnpm start` does.
const dir = mkdtempSync(join(tmpdir(), 'ey-process-group-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))
const fixture = join(dir, 'parent.ts')
writeFileSync(
  fixture,
  `import { spawn } from 'node:child_process'
import { dieWithParent, stopProcessGroup } from ${JSON.stringify(resolve(import.meta.dirname, '../../packages/local-stack/src/process-group.ts'))}
const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore' })
dieWithParent(child)
const alive = (pid) => { try { process.kill(pid, 0); return true } catch { return false } }
if (process.argv[2] === 'handled') {
  process.on('SIGINT', async () => {
    // Work still using the child, as the stream pollers and jobs use DynamoDB Local while stopping.
    await new Promise((done) => setTimeout(done, 300))
    const during = alive(child.pid)
    await stopProcessGroup(child)
    console.log(JSON.stringify({ during, after: alive(child.pid) }))
    process.exit(0)
  })
}
console.log(JSON.stringify({ child: child.pid }))
setInterval(() => {}, 1000)
`,
)

/** Whether `pid` runs: a process that has ended but is not yet reaped (a zombie) does not. */
const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0)
  } catch {
    return false
  }
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return true
  }
}

/** Runs the fixture, interrupts it once its child runs, and gives back what it printed and how it ended. */
function interrupted(mode: 'handled' | 'unhandled') {
  return new Promise<{ lines: Record<string, unknown>[]; code: number | null; signal: string | null }>(
    (done, fail) => {
      const parent = spawn(process.execPath, [fixture, mode], { stdio: ['ignore', 'pipe', 'inherit'] })
      let out = ''
      parent.stdout.on('data', (chunk: Buffer) => {
        const first = out === ''
        out += chunk
        if (first) parent.kill('SIGINT')
      })
      parent.on('error', fail)
      parent.on('exit', (code, signal) =>
        done({
          lines: out
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line) as Record<string, unknown>),
          code,
          signal,
        }),
      )
    },
  )
}

describe('a detached child tied to its parent (dieWithParent)', () => {
  it('is left running while the parent stops in order on Ctrl-C, and stopped by it', async () => {
    const { lines, code } = await interrupted('handled')
    expect(lines[1]).toEqual({ during: true, after: false })
    expect(code).toBe(0)
  }, 20_000)

  it('is killed on Ctrl-C when the parent does not handle it, and the parent ends by the signal', async () => {
    const { lines, signal } = await interrupted('unhandled')
    expect(signal).toBe('SIGINT')
    const pid = lines[0]?.child as number
    const deadline = Date.now() + 5_000
    while (isAlive(pid) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50))
    expect(isAlive(pid)).toBe(false)
  }, 20_000)
})
