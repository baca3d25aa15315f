import type { AttendanceMark, RegisterChange } from '@ey/contract'
import { describe, expect, it } from 'vitest'
import { ApiProblem } from '../../../site/src/scripts/lib/api.ts'
import { RegisterQueue } from '../../../site/src/scripts/lib/register-queue.ts'

/** Storage in memory, shaped like localStorage. */
function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  }
}

const mark = (key: string, subject = 'b1', value: AttendanceMark = 'present'): RegisterChange => ({
  kind: 'mark',
  key,
  subject,
  mark: value,
})

/** A server that applies each key once, like the API, and can drop the connection. */
function server() {
  const applied = new Map<string, RegisterChange>()
  let mode: 'up' | 'down' | 'lose-answer' | 'refuse' = 'up'
  return {
    applied,
    set: (next: typeof mode) => {
      mode = next
    },
    send: async (changes: RegisterChange[]) => {
      if (mode === 'down') throw new ApiProblem(0)
      if (mode === 'refuse') throw new ApiProblem(409, { code: 'register-locked' })
      for (const change of changes) if (!applied.has(change.key)) applied.set(change.key, change)
      if (mode === 'lose-answer') throw new ApiProblem(0)
      return applied.size
    },
  }
}

function queueFor(api: ReturnType<typeof server>, storage = memoryStorage()) {
  return new RegisterQueue({
    sessionId: 's1',
    part: 0,
    send: api.send,
    isNetworkError: (error) => error instanceof ApiProblem && error.status === 0,
    storage,
  })
}

describe('the register’s offline queue', () => {
  it('keeps marks made while the connection is down, on the device, and sends them when it is back', async () => {
    const api = server()
    const storage = memoryStorage()
    api.set('down')
    const queue = queueFor(api, storage)
    expect(await queue.add(mark('k1'))).toEqual({ outcome: 'offline' })
    expect(await queue.add(mark('k2', 'b2'))).toEqual({ outcome: 'offline' })
    // A reload (a new queue on the same storage) still has them.
    const reloaded = queueFor(api, storage)
    expect(reloaded.pending().map((c) => c.key)).toEqual(['k1', 'k2'])
    api.set('up')
    expect(await reloaded.flush()).toMatchObject({ outcome: 'sent', count: 2 })
    expect(reloaded.pending()).toEqual([])
    expect([...api.applied.keys()]).toEqual(['k1', 'k2'])
  })

  it('sends again a batch whose answer was lost, and the server applies it once', async () => {
    const api = server()
    const queue = queueFor(api)
    api.set('lose-answer')
    expect(await queue.add(mark('k1'))).toEqual({ outcome: 'offline' })
    expect(queue.pending()).toHaveLength(1)
    api.set('up')
    await queue.flush()
    expect(api.applied.size).toBe(1)
    expect(queue.pending()).toEqual([])
  })

  it('drops a batch the API refuses, so it cannot hold up later marks, and says so', async () => {
    const api = server()
    const queue = queueFor(api)
    api.set('refuse')
    const outcome = await queue.add(mark('k1'))
    expect(outcome).toMatchObject({ outcome: 'refused', count: 1 })
    expect(queue.pending()).toEqual([])
  })

  it('sends marks made during a send after it, in order, without sending any twice', async () => {
    const api = server()
    const queue = queueFor(api)
    const first = queue.add(mark('k1'))
    const second = queue.add(mark('k2', 'b1', 'late'))
    await Promise.all([first, second])
    expect([...api.applied.values()].map((c) => (c.kind === 'mark' ? c.mark : ''))).toEqual([
      'present',
      'late',
    ])
    expect(queue.pending()).toEqual([])
  })
})
