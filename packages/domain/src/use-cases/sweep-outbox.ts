import type { OutboxDelivery, OutboxOutcome, OutboxStore } from '../outbox-ports.ts'

/** Emails one sweep delivers at most; the rest are still due, and the next sweep takes them. */
export const SWEEP_LIMIT = 500

/** Deliveries in flight at once: enough to keep SES busy, few enough to stay under its send rate. */
const SWEEP_CONCURRENCY = 4

/** What a sweep did: how many due items it found, and what became of each. */
export type SweepReport = { due: number } & Record<OutboxOutcome, number>

/**
 * Sends every outbox email that is due by `now`: new ones the stream has not delivered within its
 * grace period, failed ones whose backoff is over, and claimed ones whose sender died. Each goes
 * through the same delivery as the stream's (claim first, so an email the stream is sending at the
 * same moment is sent once); an email whose last attempt fails is parked for administrators. Running
 * it twice sends nothing twice, and after any downtime it catches up on everything still due.
 */
export async function sweepOutbox(
  deps: { outbox: Pick<OutboxStore, 'due'>; delivery: OutboxDelivery },
  now: Date,
): Promise<SweepReport> {
  const report: SweepReport = {
    due: 0,
    sent: 0,
    skipped: 0,
    failed: 0,
    parked: 0,
    finished: 0,
    busy: 0,
    unclaimed: 0,
  }
  const due = deps.outbox.due(now)[Symbol.asyncIterator]()
  let taken = 0
  // Workers share one reader of the due items, so each item is handed to one worker.
  async function work(): Promise<void> {
    while (taken < SWEEP_LIMIT) {
      taken++
      const next = await due.next()
      if (next.done) return
      report.due++
      report[await deps.delivery.deliver(next.value)]++
    }
  }
  await Promise.all(Array.from({ length: SWEEP_CONCURRENCY }, work))
  await due.return?.()
  return report
}
