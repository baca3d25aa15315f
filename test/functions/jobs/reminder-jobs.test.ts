import {
  addDays,
  bookSession,
  digestMessageId,
  fromLondon,
  londonParts,
  reminderAt,
  reminderMessageId,
} from '@ey/domain'
import { keys } from '@ey/dynamodb'
import { GetCommand } from '@ey/dynamodb/client'
import { findJob, type Job, type JobDeps, nextRun, runJob, wireJobs } from '@ey/jobs-function'
import { senderClients } from '@ey/runtime'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestTable, storeSessions, type TestTable } from '../../support/dynamo.ts'
import { DAY, fakeClock, makePerson, makeSession, partAt } from '../../support/factories.ts'
import { testSenderConfig } from '../../support/wiring.ts'

// Days from today, London time, so the outbox items written stay within their 30 days.
const today = londonParts(new Date()).date
const at = (days: number, time: string) => fromLondon(addDays(today, days), time)

function job(name: string): Job {
  const found = findJob(name)
  if (!found) throw new Error(`no job ${name}`)
  return found
}

describe('the reminders and trainer-digest jobs on DynamoDB Local', () => {
  let table: TestTable
  let deps: JobDeps
  const clock = fakeClock()

  beforeAll(async () => {
    table = await createTestTable()
    const silent = { info: () => {}, warn: () => {}, error: () => {} }
    const config = testSenderConfig(table)
    deps = wireJobs(config, { doc: table.doc, ...senderClients(config) }, { clock, logger: silent })
  })

  const queued = async (id: string) =>
    (
      await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: keys.outbox(id), ConsistentRead: true }),
      )
    ).Item

  async function bookOn(sessionId: string, email: string) {
    const { booking } = await bookSession(deps, {
      sessionId,
      idempotencyKey: `${sessionId}-${email}`,
      person: makePerson({ email }),
    })
    return booking.id
  }

  it('send each reminder and digest once when run twice', async () => {
    const startsAt = at(5, '16:00').toISOString()
    await storeSessions(
      table,
      makeSession({ id: 'twice', parts: [partAt(startsAt)], trainerIds: ['trainer-ben'] }),
    )
    clock.set(at(0, '09:00'))
    const ada = await bookOn('twice', 'ada@example.test')

    const twoDays = reminderAt(startsAt, 2880)
    expect((await runJob(job('reminders'), deps, twoDays)).report).toEqual({
      queued: 1,
      stale: 0,
      superseded: 0,
    })
    expect((await runJob(job('reminders'), deps, twoDays)).report).toEqual({
      queued: 0,
      stale: 0,
      superseded: 0,
    })
    expect(
      await queued(reminderMessageId(ada, { part: 0, leadMinutes: 2880, partStartsAt: startsAt })),
    ).toMatchObject({ kind: 'booking-reminder', bookingId: ada, status: 'pending' })

    const digestAt = at(4, '07:00')
    expect((await runJob(job('trainer-digest'), deps, digestAt)).report).toEqual({ queued: 1, stale: 0 })
    expect((await runJob(job('trainer-digest'), deps, digestAt)).report).toEqual({ queued: 0, stale: 0 })
    expect(await queued(digestMessageId('trainer-ben', addDays(today, 5)))).toMatchObject({
      kind: 'trainer-digest',
      staffSub: 'trainer-ben',
    })
  })

  it('after two days down, send no reminder for a session that started and only the latest lead of one ahead', async () => {
    const stoppedAt = at(10, '12:00')
    const started = at(11, '18:00').toISOString()
    const soon = at(12, '13:00').toISOString()
    await storeSessions(
      table,
      makeSession({ id: 'started', parts: [partAt(started)] }),
      makeSession({ id: 'soon', parts: [partAt(soon)] }),
    )
    clock.set(at(0, '09:00'))
    await bookOn('started', 'grace@example.test')
    const bea = await bookOn('soon', 'bea@example.test')
    await runJob(job('reminders'), deps, at(9, '12:00'))
    await runJob(job('reminders'), deps, stoppedAt)

    const restarted = new Date(stoppedAt.getTime() + 2 * DAY)
    const { report } = await runJob(job('reminders'), deps, restarted)
    expect(report).toEqual({ queued: 1, stale: 1, superseded: 1 })
    expect(
      await queued(reminderMessageId(bea, { part: 0, leadMinutes: 120, partStartsAt: soon })),
    ).toBeDefined()
    expect(
      await queued(reminderMessageId(bea, { part: 0, leadMinutes: 2880, partStartsAt: soon })),
    ).toBeUndefined()
  })

  it.each([
    ['the clocks go forward', '2026-03-28T12:00:00.000Z', '2026-03-29T06:00:00.000Z'],
    ['the clocks go back', '2026-10-24T12:00:00.000Z', '2026-10-25T07:00:00.000Z'],
  ])('runs the digest at 07:00 London on the day %s', (_, from, expected) => {
    expect(nextRun(job('trainer-digest').schedule, new Date(from))?.toISOString()).toBe(expected)
  })
})
