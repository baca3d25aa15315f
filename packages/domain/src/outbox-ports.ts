import type { OutboxMessage } from './outbox.ts'

/**
 * What taking an outbox item for delivery found: `claimed` (this caller sends it now, after
 * `attempts` failed ones; `takenOver` when its last sender died holding it, which counts as one),
 * `finished` (already sent, skipped or parked, or gone), `in-progress` (another caller holds a
 * fresh claim).
 */
export type OutboxClaim =
  | { outcome: 'claimed'; attempts: number; takenOver?: true }
  | { outcome: 'finished' }
  | { outcome: 'in-progress' }

/** Where an outbox item stands: to send, being sent, done, or parked after its last attempt. */
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'skipped' | 'failed'

/** An email that has failed at least once: retrying (`pending`) or parked (`failed`). */
export interface OutboxProblem {
  message: OutboxMessage
  status: 'pending' | 'failed'
  /** Failed attempts so far. */
  attempts: number
  /** The name of the last error (never its message: providers quote addresses). */
  lastError?: string
  /** When it last failed (ISO). */
  failedAt?: string
  /** When it is tried again (ISO), while it is pending. */
  retryAt?: string
}

/**
 * Delivery bookkeeping of outbox items: each email is sent by one caller at a time, and once.
 * While an item waits for something to happen to it, it is due at that instant (the sweeper reads
 * what is due): a new item a little after it is queued, a failed one at its next attempt, a claimed
 * one when its claim goes stale. Sent, skipped and parked items are due no more.
 */
export interface OutboxStore {
  /**
   * Queues an email outside any other change: the one way to do so. Writes only if no message has
   * its id (true when written, false when it was already queued), so a deterministic id makes
   * queuing idempotent.
   */
  enqueue(message: OutboxMessage): Promise<boolean>
  /**
   * Takes a pending item, or one whose claim went stale (its sender died: that counts as a failed
   * attempt), for delivery.
   */
  claim(id: string, now: Date): Promise<OutboxClaim>
  /** Records the delivery, keeping the provider's message id. */
  markSent(id: string, result: { messageId: string; at: Date }): Promise<void>
  /**
   * Returns the item to pending with `attempts` failed attempts so far, due again at `retryAt`;
   * `error` must hold no personal data.
   */
  markFailed(id: string, failure: { error: string; at: Date; attempts: number; retryAt: Date }): Promise<void>
  /**
   * Parks the item as `failed` after its last attempt (`attempts` in all): no longer due, listed for
   * administrators.
   */
  park(id: string, failure: { error: string; at: Date; attempts: number }): Promise<void>
  /** Closes an item that must not be sent (its booking is gone or has moved on). */
  markSkipped(id: string, skip: { reason: string; at: Date }): Promise<void>
  /** Every item due at or before `now` (pending or with a stale claim), soonest first. */
  due(now: Date): AsyncIterable<OutboxMessage>
  /** Emails that failed at least once and are not yet sent: parked (latest first), then retrying; at most `max`. */
  problems(max: number): Promise<OutboxProblem[]>
  /**
   * Puts a parked item back to pending, due at `at`, for one more attempt; the message when it was
   * parked, undefined when it was not (already resent, or gone).
   */
  resend(id: string, at: Date): Promise<OutboxMessage | undefined>
}

/**
 * What delivering one outbox item came to: `sent` or `skipped` (closed now), `failed` (back to
 * pending for another attempt), `parked` (its last attempt failed), `finished` (already closed),
 * `busy` (another sender holds a fresh claim), `unclaimed` (the claim itself failed; unchanged).
 */
export type OutboxOutcome = 'sent' | 'skipped' | 'failed' | 'parked' | 'finished' | 'busy' | 'unclaimed'

/** Delivers outbox items: claims, renders, sends and marks each, once whoever asks. */
export interface OutboxDelivery {
  deliver(message: OutboxMessage): Promise<OutboxOutcome>
}
