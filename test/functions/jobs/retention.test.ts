import { type Booking, laTakeUp, normaliseEmail } from '@ey/domain'
import {
  bookingItem,
  createCertificateStore,
  createDynamoLaBookings,
  createDynamoPersonalDataStore,
  createDynamoTakeUpStats,
  keys,
} from '@ey/dynamodb'
import { GetCommand, PutCommand, ScanCommand } from '@ey/dynamodb/client'
import { createJobsHandler, type JobDeps, wireJobs } from '@ey/jobs-function'
import { localAuthorities } from '@ey/reference-data'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { createTestTable, storeSessions, type TestTable } from '../../support/dynamo.ts'
import {
  fakeClock,
  LEEDS,
  makeAlert,
  makeBooking,
  makeCourse,
  makePerson,
  makeQuestionnaireResponse,
  makeQuestionnaireTemplate,
  makeSession,
  makeSnapshot,
  partAt,
} from '../../support/factories.ts'
import { testSenderConfig } from '../../support/wiring.ts'

// The job runs on 15 January 2029: 24 months back is 15 January 2027.
const RUN_AT = '2029-01-15T03:00:00.000Z'
const YEAR = { from: '2026-09-01', to: '2027-08-31' }

/** Ada at Little Acorns (by URN): twice past retention, once not, all in one academic year; Ben once, past it. */
function booking(
  id: string,
  email: string,
  startsAt: string,
  status: Booking['status'] = 'attended',
): Booking {
  const person = makePerson({
    name: `Person ${email}`,
    email,
    ofstedUrn: '123456',
    accessNeeds: 'A quiet room',
  })
  return makeBooking({
    id,
    sessionId: `ses_${id}`,
    status,
    person,
    emailKey: normaliseEmail(email),
    session: makeSnapshot({ parts: [partAt(startsAt)] }),
  })
}
const bookings = [
  booking('old-1', 'Ada@Example.org', '2026-10-06T15:00:00Z'),
  booking('old-2', 'ada@example.org', '2026-12-01T16:00:00Z', 'no-show'),
  booking('old-3', 'ben@example.org', '2027-01-05T16:00:00Z'),
  booking('recent-1', 'ada@example.org', '2027-03-10T10:00:00Z'),
]

describe('the retention job on DynamoDB Local', () => {
  let table: TestTable
  let deps: JobDeps
  const stats = () => createDynamoTakeUpStats(table, localAuthorities)

  async function item(key: { pk: string; sk: string }) {
    const { Item } = await table.doc.send(
      new GetCommand({ TableName: table.tableName, Key: key, ConsistentRead: true }),
    )
    return Item
  }
  async function everything() {
    const { Items = [] } = await table.doc.send(
      new ScanCommand({ TableName: table.tableName, ConsistentRead: true }),
    )
    return Items.sort((a, b) => `${a.pk}${a.sk}`.localeCompare(`${b.pk}${b.sk}`))
  }
  /** What the figures show: England's and Leeds's counts and reach from the aggregates, and Leeds's take-up from its bookings. */
  async function figures() {
    for (const { id } of bookings) await stats().applyBooking(id)
    const [counts, reach] = [await stats().counts(YEAR), await stats().reach(2026)]
    const leeds: Booking[] = []
    for await (const page of createDynamoLaBookings(table).pages(LEEDS, YEAR)) leeds.push(...page)
    const course = makeCourse()
    return {
      counts,
      reach,
      leeds: laTakeUp({ laCode: LEEDS, period: YEAR, bookings: leeds, courses: [course], openAlerts: [] }),
    }
  }

  /** What the registers hold, every part of the sessions of `ids`, as the register page reads them. */
  async function registers(ids: string[]) {
    return Promise.all(ids.map((id) => deps.registers.registerParts(`ses_${id}`)))
  }

  beforeAll(async () => {
    table = await createTestTable()
    const silent = { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
    deps = wireJobs(
      testSenderConfig(table),
      { doc: table.doc, ses: {} as never },
      {
        clock: fakeClock(RUN_AT),
        logger: silent,
        retentionMonths: 24,
        // The LAs these bookings are in: reading all 153 would only cost time.
        personalData: createDynamoPersonalDataStore(table, [LEEDS]),
      },
    )
    await deps.catalogue.putCourse(makeCourse())
    const template = makeQuestionnaireTemplate()
    await deps.questionnaires.addTemplateVersion(template)
    for (const one of bookings) {
      await table.doc.send(new PutCommand({ TableName: table.tableName, Item: bookingItem.to(one) }))
      await deps.questionnaires.saveResponse(
        makeQuestionnaireResponse({
          bookingId: one.id,
          sessionStartsAt: one.session.parts[0]?.startsAt as string,
          answers: {
            confidence: 4,
            knowledge: 3,
            useful: true,
            recommend: true,
            comments: `Thanks from ${one.id}`,
          },
        }),
      )
      await createCertificateStore(table).record({
        code: `ABCD-0000-000${bookings.indexOf(one)}`,
        bookingId: one.id,
        name: one.person.name,
        course: 'Course',
        parts: one.session.parts,
      })
      await deps.outbox.enqueue({
        id: `confirm-${one.id}`,
        kind: 'booking-confirmed',
        bookingId: one.id,
        createdAt: one.createdAt,
      })
    }
    await deps.alerts.openAlert(makeAlert({ id: 'old-alert', createdAt: '2026-06-01T09:00:00.000Z' }))
    await deps.alerts.openAlert(
      makeAlert({
        id: 'new-alert',
        email: 'cy@example.org',
        emailKey: 'cy@example.org',
        createdAt: '2028-06-01T09:00:00.000Z',
      }),
    )
    // Registers: Ada's old session (a note on her, a walk-in with a note), Ben's written before
    // registers were items (one legacy item), and Ada's recent session (a note that stays).
    const by = 'trainer-1'
    await deps.registers.writeRegister({
      sessionId: 'ses_old-1',
      part: 0,
      lines: [
        { subject: 'old-1', entry: { mark: 'present', note: 'Ada asked about autism training' }, version: 0 },
        { subject: 'walk_1', entry: { mark: 'late', note: 'Walter came with Ada' }, version: 0 },
      ],
      walkIns: [
        {
          id: 'walk_1',
          name: 'Walter Walkin',
          email: 'Walter@example.org',
          settingName: 'Sunny Days Nursery',
          role: 'nursery-practitioner',
          settingType: 'private-nursery',
        },
      ],
      audit: [
        { at: '2026-10-06T15:05:00.000Z', by, key: 'k1', action: 'mark', subject: 'old-1', value: 'present' },
        { at: '2026-10-06T15:06:00.000Z', by, key: 'k2', action: 'note', subject: 'old-1' },
        { at: '2026-10-06T15:07:00.000Z', by, key: 'k3', action: 'walk-in', subject: 'walk_1' },
      ],
    })
    await table.doc.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          ...keys.legacyRegisterPart('ses_old-3', 0),
          type: 'register-part',
          sessionId: 'ses_old-3',
          part: 0,
          entries: { 'old-3': { mark: 'absent', note: 'Ben was ill' }, walk_2: { mark: 'present' } },
          walkIns: [{ id: 'walk_2', name: 'Wendy Legacy', settingName: 'Wendy House' }],
          audit: [
            {
              at: '2027-01-05T16:10:00.000Z',
              by,
              key: 'k9',
              action: 'note',
              subject: 'old-3',
              value: 'Ben was ill',
            },
          ],
          version: 3,
        },
      }),
    )
    await deps.registers.writeRegister({
      sessionId: 'ses_recent-1',
      part: 0,
      lines: [{ subject: 'recent-1', entry: { mark: 'present', note: 'Recent note about Ada' }, version: 0 }],
      walkIns: [],
      audit: [],
    })
    // A session nobody booked, found through the schedule: only a walk-in on its register.
    await storeSessions(table, makeSession({ id: 'ses_unbooked', startsAt: '2026-11-10T10:00:00.000Z' }))
    await deps.registers.writeRegister({
      sessionId: 'ses_unbooked',
      part: 0,
      lines: [{ subject: 'walk_3', entry: { mark: 'present' }, version: 0 }],
      walkIns: [{ id: 'walk_3', name: 'Una Unbooked', email: 'una@example.org' }],
      audit: [],
    })
    const at = (iso: string) => ({ reason: 'bounce' as const, detail: 'Permanent/General', at: iso })
    await deps.undeliverable.mark({ address: 'old@example.org', ...at('2026-05-01T00:00:00.000Z') })
    await deps.undeliverable.mark({ address: 'new@example.org', ...at('2028-05-01T00:00:00.000Z') })
  })

  it('erases the bookings past retention and what hangs on them, keeps the recent one and every figure; a second run changes nothing', async () => {
    const before = await figures()
    const recentBefore = await item(keys.booking('recent-1'))
    const recentRegister = await registers(['recent-1'])
    const run = createJobsHandler(deps)

    await expect(run({ job: 'retention' })).resolves.toMatchObject({
      job: 'retention',
      report: {
        bookings: 3,
        responses: 3,
        certificates: 3,
        emails: 3,
        alerts: 1,
        undeliverable: 1,
        // Ada's lines (2), Walter, Ben's legacy register and Una (the audit entries held no words).
        registers: 5,
        changed: 0,
      },
    })

    // The old registers keep every mark and who changed what, and nothing of what was written or the walk-ins.
    const [ada, ben] = (await registers(['old-1', 'old-3'])).map((parts) => parts[0])
    expect(ada?.entries).toEqual({ 'old-1': { mark: 'present' }, walk_1: { mark: 'late' } })
    expect(ada?.walkIns).toEqual([
      { id: 'walk_1', name: 'Erased', role: 'nursery-practitioner', settingType: 'private-nursery' },
    ])
    expect(ada?.audit.map((entry) => entry.key)).toEqual(['k1', 'k2', 'k3'])
    expect(ben?.entries).toEqual({ 'old-3': { mark: 'absent' }, walk_2: { mark: 'present' } })
    expect(ben?.walkIns).toEqual([{ id: 'walk_2', name: 'Erased' }])
    expect(ben?.audit).toEqual([expect.not.objectContaining({ value: expect.anything() })])
    const registerText = JSON.stringify(await everything())
    for (const personal of ['Walter', 'walter@', 'Sunny', 'autism', 'Wendy', 'was ill', 'Una', 'una@']) {
      expect(registerText, personal).not.toContain(personal)
    }
    expect(await registers(['recent-1'])).toEqual(recentRegister)

    // Nothing of the people is left in the erased bookings, their answers' free text or the aggregates' contributions.
    expect(await figures()).toEqual(before)
    for (const id of ['old-1', 'old-2', 'old-3']) {
      const text = JSON.stringify([
        await item(keys.booking(id)),
        await item(keys.questionnaireResponse(id, 'post')),
        await item(keys.takeUpContribution(id)),
      ])
      for (const personal of ['ada@', 'ben@', 'Person', 'Little Acorns', '123456', 'quiet', 'Thanks']) {
        expect(text, `${id}: ${personal}`).not.toContain(personal)
      }
      expect(await item(keys.booking(id))).toMatchObject({ erasedAt: RUN_AT, status: expect.any(String) })
      expect(await item(keys.booking(id))).not.toHaveProperty('gsi2pk')
      expect(await item(keys.questionnaireResponse(id, 'post'))).toMatchObject({
        answers: { confidence: 4, useful: true },
      })
      expect(await item(keys.outbox(`confirm-${id}`))).toBeUndefined()
    }
    expect(await item(keys.booking('recent-1'))).toEqual(recentBefore)
    expect(await item(keys.outbox('confirm-recent-1'))).toBeDefined()
    expect(await item(keys.interestAlert('old-alert'))).toBeUndefined()
    expect(await item(keys.interestAlert('new-alert'))).toMatchObject({ status: 'open' })
    expect((await deps.undeliverable.list(10)).map((entry) => entry.address)).toEqual(['new@example.org'])

    const afterFirst = await everything()
    await expect(run({ job: 'retention' })).resolves.toMatchObject({
      report: {
        bookings: 0,
        responses: 0,
        certificates: 0,
        emails: 0,
        alerts: 0,
        undeliverable: 0,
        registers: 0,
        changed: 0,
      },
    })
    expect(await everything()).toEqual(afterFirst)
  })
})
