import {
  OUTBOX_STREAM_GRACE_MS,
  type OutboxMessage,
  type OutboxProblem,
  type OutboxStatus,
  type OutboxStore,
} from '@ey/domain'

/** One item as the in-memory store keeps it: the message and its delivery bookkeeping. */
export interface InMemoryOutboxItem {
  message: OutboxMessage
  status: OutboxStatus
  attempts: number
  /** When something must next happen to it (ISO); absent once nothing must. */
  dueAt?: string
  claimedAt?: string
  lastError?: string
  failedAt?: string
  messageId?: string
  skipReason?: string
}

/** The outbox store in memory, plus a view of its items for tests. */
export interface InMemoryOutboxStore extends OutboxStore {
  item(id: string): InMemoryOutboxItem | undefined
}

const FIVE_MINUTES_MS = 5 * 60_000

/**
 * A faithful model of the outbox store port: each method reads and writes in one synchronous step,
 * as atomic as the DynamoDB adapter's conditional writes, with the same due instants.
 */
export function createInMemoryOutboxStore(options: { staleClaimMs?: number } = {}): InMemoryOutboxStore {
  const staleClaimMs = options.staleClaimMs ?? FIVE_MINUTES_MS
  const items = new Map<string, InMemoryOutboxItem>()
  const copy = <T>(value: T): T => structuredClone(value)
  const at = (instant: Date, plusMs = 0) => new Date(instant.getTime() + plusMs).toISOString()
  const claimed = (item: InMemoryOutboxItem, now: Date) => {
    item.status = 'sending'
    item.claimedAt = now.toISOString()
    item.dueAt = at(now, staleClaimMs)
  }

  return {
    item: (id) => copy(items.get(id)),

    async enqueue(message) {
      if (items.has(message.id)) return false
      items.set(message.id, {
        message: copy(message),
        status: 'pending',
        attempts: 0,
        dueAt: at(new Date(message.createdAt), OUTBOX_STREAM_GRACE_MS),
      })
      return true
    },

    async claim(id, now) {
      const item = items.get(id)
      if (!item) return { outcome: 'finished' }
      if (item.status === 'pending') {
        claimed(item, now)
        return { outcome: 'claimed', attempts: item.attempts }
      }
      if (item.status !== 'sending') return { outcome: 'finished' }
      if ((item.claimedAt ?? '') > at(now, -staleClaimMs)) return { outcome: 'in-progress' }
      claimed(item, now)
      item.attempts++
      item.lastError = 'ClaimAbandoned'
      item.failedAt = now.toISOString()
      return { outcome: 'claimed', attempts: item.attempts, takenOver: true }
    },

    async markSent(id, { messageId }) {
      const item = items.get(id)
      if (!item) return
      Object.assign(item, { status: 'sent', messageId, dueAt: undefined, claimedAt: undefined })
    },

    async markFailed(id, { error, at: failedAt, attempts, retryAt }) {
      const item = items.get(id)
      if (!item) return
      Object.assign(item, {
        status: 'pending',
        attempts,
        lastError: error,
        failedAt: failedAt.toISOString(),
        dueAt: retryAt.toISOString(),
        claimedAt: undefined,
      })
    },

    async park(id, { error, at: failedAt, attempts }) {
      const item = items.get(id)
      if (!item) return
      Object.assign(item, {
        status: 'failed',
        attempts,
        lastError: error,
        failedAt: failedAt.toISOString(),
        dueAt: undefined,
        claimedAt: undefined,
      })
    },

    async markSkipped(id, { reason }) {
      const item = items.get(id)
      if (!item) return
      Object.assign(item, { status: 'skipped', skipReason: reason, dueAt: undefined, claimedAt: undefined })
    },

    async *due(now) {
      const by = now.toISOString()
      const due = [...items.values()]
        .filter((item) => item.dueAt !== undefined && item.dueAt <= by)
        .sort((a, b) => `${a.dueAt}#${a.message.id}`.localeCompare(`${b.dueAt}#${b.message.id}`))
      for (const item of due) yield copy(item.message)
    },

    async problems(max) {
      const rank = (item: { status: string }) => (item.status === 'failed' ? 0 : 1)
      return (
        [...items.values()]
          .filter((item) => item.status === 'failed' || (item.dueAt !== undefined && item.attempts > 0))
          // Parked first, latest first, as the table's index lists them.
          .sort((a, b) => rank(a) - rank(b) || (b.failedAt ?? '').localeCompare(a.failedAt ?? ''))
          .slice(0, max)
          .map(
            (item): OutboxProblem => ({
              message: copy(item.message),
              status: item.status === 'failed' ? 'failed' : 'pending',
              attempts: item.attempts,
              ...(item.lastError ? { lastError: item.lastError } : {}),
              ...(item.failedAt ? { failedAt: item.failedAt } : {}),
              ...(item.status !== 'failed' && item.dueAt ? { retryAt: item.dueAt } : {}),
            }),
          )
      )
    },

    async resend(id, resentAt) {
      const item = items.get(id)
      if (item?.status !== 'failed') return undefined
      Object.assign(item, { status: 'pending', dueAt: resentAt.toISOString() })
      return copy(item.message)
    },
  }
}
