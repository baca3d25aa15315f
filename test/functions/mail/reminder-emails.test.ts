import {
  addDays,
  bookSession,
  fromLondon,
  londonParts,
  reminderAt,
  sendReminders,
  sendTrainerDigests,
} from '@ey/domain'
import type { StreamPoller } from '@ey/local-stack'
import { type CoreDeps, wireCore } from '@ey/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestTable, storeSessions, type TestTable } from '../../support/dynamo.ts'
import { fakeClock, makePerson, makeSession, makeVenue, partAt } from '../../support/factories.ts'
import { startMailFlow } from '../../support/mail-flow.ts'
import { emailsSentTo, uniqueAddress, waitForEmail, waitForEmails } from '../../support/ses.ts'
import { testSenderConfig } from '../../support/wiring.ts'

// Real dates a few days ahead (the outbox keeps its items 30 days from their creation), with the
// whole stack's clock moved to each job's moment.
const today = londonParts(new Date()).date
const partDate = addDays(today, 5)
const startsAt = fromLondon(partDate, '16:00').toISOString()
const clock = fakeClock(new Date())

describe('reminders and trainer digests, from the jobs through the outbox and the stream to SES', () => {
  let table: TestTable
  let deps: CoreDeps
  let poller: StreamPoller

  beforeAll(async () => {
    table = await createTestTable()
    const config = testSenderConfig(table)
    deps = wireCore(config, table, { clock })
    poller = startMailFlow(table, config, { clock })
  })

  afterAll(async () => {
    await poller?.stop()
  })

  it('emails each person holding a place one reminder per lead, and each trainer one digest, however often the jobs run', async () => {
    const trainerEmail = uniqueAddress('trainer')
    const trainerSub = `trainer-${crypto.randomUUID()}`
    await deps.staffDirectory.add({
      sub: trainerSub,
      username: trainerSub,
      name: 'Chloe Evans',
      email: trainerEmail,
      roles: ['trainer'],
      laCodes: [],
      invitedAt: clock.now().toISOString(),
      invitedBy: 'seed',
    })
    await storeSessions(
      table,
      makeSession({
        id: 'hybrid-1',
        title: 'Makaton taster',
        format: 'hybrid',
        venue: makeVenue({ accessibility: 'Step-free entrance' }),
        joiningUrl: 'https://meet.example.org/j/makaton',
        parts: [partAt(startsAt)],
        trainerIds: [trainerSub],
      }),
    )
    const people = [uniqueAddress('ada'), uniqueAddress('grace')]
    const booked = []
    for (const [i, email] of people.entries()) {
      const accessNeeds = i === 0 ? { accessNeeds: 'A hearing loop' } : {}
      booked.push(
        await bookSession(deps, {
          sessionId: 'hybrid-1',
          idempotencyKey: `key-${i}`,
          person: makePerson({ email, name: `Person ${i}`, ...accessNeeds }),
        }),
      )
    }
    await poller.drain()

    const twoDays = reminderAt(startsAt, 2880)
    clock.set(twoDays)
    expect(await sendReminders(deps, twoDays)).toEqual({ queued: 2, stale: 0, superseded: 0 })
    expect(await sendReminders(deps, twoDays)).toEqual({ queued: 0, stale: 0, superseded: 0 })
    await poller.drain()
    const [, reminder] = await waitForEmails(people[0] as string, 2)
    expect(reminder?.subject).toContain('Reminder: Makaton taster')
    expect(reminder?.body.text).toContain('Accessibility: Step-free entrance')
    expect(reminder?.body.text).toContain('https://meet.example.org/j/makaton')
    expect(reminder?.body.text).toContain(
      `https://training.example.org/manage#id=${booked[0]?.booking.id}&token=${booked[0]?.manageToken}`,
    )
    expect(reminder?.attachments).toEqual([])

    const digestAt = fromLondon(addDays(partDate, -1), '07:00')
    clock.set(digestAt)
    expect(await sendTrainerDigests(deps, digestAt)).toEqual({ queued: 1, stale: 0 })
    expect(await sendTrainerDigests(deps, digestAt)).toEqual({ queued: 0, stale: 0 })
    await poller.drain()
    const digest = await waitForEmail(trainerEmail)
    expect(digest.body.text).toContain('Booked: 2')
    expect(digest.body.text).toContain('Access needs: Person 0: A hearing loop')
    expect(digest.body.text).toContain('/staff/sessions/register/?id=hybrid-1&part=0')

    const twoHours = reminderAt(startsAt, 120)
    clock.set(twoHours)
    expect(await sendReminders(deps, twoHours)).toEqual({ queued: 2, stale: 0, superseded: 0 })
    await poller.drain()
    for (const email of people) {
      const sent = await waitForEmails(email, 3)
      expect(sent.map((e) => e.subject.split(':')[0])).toEqual(['Booking confirmed', 'Reminder', 'Reminder'])
    }
    expect(await emailsSentTo(trainerEmail)).toHaveLength(1)
  })
})
