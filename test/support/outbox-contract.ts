import { OUTBOX_STREAM_GRACE_MS, type OutboxMessage, type OutboxStore } from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { MINUTE, makeOutboxMessage, NOW } from './factories.ts'

/** Claims older than this are stale in every store under contract. */
export const STALE_CLAIM_MS = 5 * MINUTE

const later = (ms: number) => new Date(NOW.getTime() + ms)

/** The ids among those due at `now` that are in `ids` (stores may be shared between tests). */
async function dueOf(store: OutboxStore, now: Date, ...ids: string[]): Promise<string[]> {
  const due: string[] = []
  for await (const item of store.due(now)) if (ids.includes(item.id)) due.push(item.id)
  return due
}

/**
 * The contract every `OutboxStore` must honour: queued once, claimed by one sender at a time, due
 * while something must happen to it (after the stream's grace, at its backoff, when its claim goes
 * stale) and never once it is sent, skipped or parked; parked items listed and resent once.
 * `makeStore` is called once per test; it may hand back the same store, as every test uses ids of
 * its own. Claims go stale after `STALE_CLAIM_MS`.
 */
export function describeOutboxStoreContract(name: string, makeStore: () => Promise<OutboxStore>): void {
  describe(`${name}: the outbox store contract`, () => {
    it('queues a message once per id, due once the stream has had its grace period', async () => {
      const store = await makeStore()
      const queued = makeOutboxMessage()

      expect(await store.enqueue(queued)).toBe(true)
      expect(await store.enqueue({ ...queued, bookingId: 'bk-other' })).toBe(false)

      expect(await dueOf(store, later(OUTBOX_STREAM_GRACE_MS - 1), queued.id)).toEqual([])
      const due: OutboxMessage[] = []
      for await (const item of store.due(later(OUTBOX_STREAM_GRACE_MS)))
        if (item.id === queued.id) due.push(item)
      expect(due).toEqual([queued])
    })

    it('lets one sender claim an item; another finds it in progress until the claim is stale, then takes it over counting an attempt', async () => {
      const store = await makeStore()
      const queued = makeOutboxMessage()
      await store.enqueue(queued)

      expect(await store.claim(queued.id, NOW)).toEqual({ outcome: 'claimed', attempts: 0 })
      expect(await store.claim(queued.id, later(STALE_CLAIM_MS - 1))).toEqual({ outcome: 'in-progress' })
      expect(await dueOf(store, later(STALE_CLAIM_MS - 1), queued.id)).toEqual([])
      expect(await dueOf(store, later(STALE_CLAIM_MS), queued.id)).toEqual([queued.id])

      const takeovers = await Promise.all([
        store.claim(queued.id, later(STALE_CLAIM_MS)),
        store.claim(queued.id, later(STALE_CLAIM_MS)),
      ])
      expect(takeovers).toContainEqual({ outcome: 'claimed', attempts: 1, takenOver: true })
      expect(takeovers).toContainEqual({ outcome: 'in-progress' })
    })

    it('lists at most the number of problems asked for, the latest parked first', async () => {
      const store = await makeStore()
      const parked = [1, 2, 3].map(() => makeOutboxMessage())
      for (const [i, message] of parked.entries()) {
        await store.enqueue(message)
        await store.claim(message.id, NOW)
        await store.park(message.id, {
          error: 'Throttling',
          at: new Date(`2199-01-0${i + 1}T09:00:00.000Z`),
          attempts: 5,
        })
      }

      expect((await store.problems(2)).map((p) => p.message.id)).toEqual([parked[2]?.id, parked[1]?.id])
    })

    it('returns a failed item to pending, due at its retry and claimable with its attempts', async () => {
      const store = await makeStore()
      const queued = makeOutboxMessage()
      await store.enqueue(queued)
      await store.claim(queued.id, NOW)

      await store.markFailed(queued.id, {
        error: 'Throttling',
        at: NOW,
        attempts: 3,
        retryAt: later(10 * MINUTE),
      })

      expect(await dueOf(store, later(10 * MINUTE - 1), queued.id)).toEqual([])
      expect(await dueOf(store, later(10 * MINUTE), queued.id)).toEqual([queued.id])
      expect((await store.problems(10_000)).find((p) => p.message.id === queued.id)).toEqual({
        message: queued,
        status: 'pending',
        attempts: 3,
        lastError: 'Throttling',
        failedAt: NOW.toISOString(),
        retryAt: later(10 * MINUTE).toISOString(),
      })
      expect(await store.claim(queued.id, later(10 * MINUTE))).toEqual({ outcome: 'claimed', attempts: 3 })
    })

    it.each(['sent', 'skipped'] as const)('never offers a %s item again', async (end) => {
      const store = await makeStore()
      const queued = makeOutboxMessage()
      await store.enqueue(queued)
      await store.claim(queued.id, NOW)

      if (end === 'sent') await store.markSent(queued.id, { messageId: 'm-1', at: NOW })
      else await store.markSkipped(queued.id, { reason: 'superseded', at: NOW })

      expect(await dueOf(store, later(365 * 24 * 60 * MINUTE), queued.id)).toEqual([])
      expect(await store.claim(queued.id, later(STALE_CLAIM_MS * 2))).toEqual({ outcome: 'finished' })
      expect((await store.problems(10_000)).map((p) => p.message.id)).not.toContain(queued.id)
    })

    it('parks an item after its last attempt: never due, listed, and resent once, due at the resend', async () => {
      const store = await makeStore()
      const queued = makeOutboxMessage()
      await store.enqueue(queued)
      await store.claim(queued.id, NOW)

      await store.park(queued.id, { error: 'MessageRejected', at: NOW, attempts: 8 })

      expect(await dueOf(store, later(365 * 24 * 60 * MINUTE), queued.id)).toEqual([])
      expect(await store.claim(queued.id, later(STALE_CLAIM_MS * 2))).toEqual({ outcome: 'finished' })
      expect((await store.problems(10_000)).find((p) => p.message.id === queued.id)).toEqual({
        message: queued,
        status: 'failed',
        attempts: 8,
        lastError: 'MessageRejected',
        failedAt: NOW.toISOString(),
      })

      expect(await store.resend(queued.id, later(MINUTE))).toEqual(queued)
      expect(await store.resend(queued.id, later(MINUTE))).toBeUndefined()
      expect(await dueOf(store, later(MINUTE), queued.id)).toEqual([queued.id])
      expect((await store.problems(10_000)).find((p) => p.message.id === queued.id)?.status).toBe('pending')
      expect(await store.claim(queued.id, later(MINUTE))).toEqual({ outcome: 'claimed', attempts: 8 })
    })

    it('offers due items soonest first', async () => {
      const store = await makeStore()
      const [first, second, third] = [makeOutboxMessage(), makeOutboxMessage(), makeOutboxMessage()]
      for (const queued of [first, second, third]) await store.enqueue(queued)
      for (const queued of [first, second, third]) await store.claim(queued.id, NOW)
      await store.markFailed(first.id, { error: 'E', at: NOW, attempts: 1, retryAt: later(3 * MINUTE) })
      await store.markFailed(second.id, { error: 'E', at: NOW, attempts: 1, retryAt: later(1 * MINUTE) })
      await store.markFailed(third.id, { error: 'E', at: NOW, attempts: 1, retryAt: later(2 * MINUTE) })

      expect(await dueOf(store, later(3 * MINUTE), first.id, second.id, third.id)).toEqual([
        second.id,
        third.id,
        first.id,
      ])
    })

    it('treats an item that is not there as finished and does not create it', async () => {
      const store = await makeStore()
      const id = makeOutboxMessage().id

      expect(await store.claim(id, NOW)).toEqual({ outcome: 'finished' })
      await store.markFailed(id, { error: 'E', at: NOW, attempts: 1, retryAt: NOW })
      await store.park(id, { error: 'E', at: NOW, attempts: 1 })

      expect(await dueOf(store, later(MINUTE), id)).toEqual([])
      expect(await store.resend(id, NOW)).toBeUndefined()
    })
  })
}
