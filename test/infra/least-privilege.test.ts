import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp as createApiApp, wireApi } from '@ey/api'
import {
  addDays,
  askForInterestAlert,
  bookSession,
  cancelBooking,
  fromLondon,
  londonParts,
  normaliseEmail,
  reminderAt,
  scheduleSession,
} from '@ey/domain'
import { keys } from '@ey/dynamodb'
import { DeleteCommand, GetCommand } from '@ey/dynamodb/client'
import { createApp } from '@ey/infra'
import { JOBS, runJob, wireJobs } from '@ey/jobs-function'
import type { StreamPoller } from '@ey/local-stack'
import { createFeedbackHandler, wireFeedback } from '@ey/mail-function'
import { type CoreDeps, wireCore } from '@ey/runtime'
import { createStatsHandler, wireStats } from '@ey/stats-function'
import { Template } from 'aws-cdk-lib/assertions'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApiConfig } from '../functions/api/support.ts'
import { createTestTable, storeSessions, type TestTable } from '../support/dynamo.ts'
import { recordingTable, type TableAccess } from '../support/dynamo-recorder.ts'
import {
  fakeClock,
  LEEDS,
  makeAlert,
  makeCourse,
  makePerson,
  makeQuestionnaireResponse,
  makeSession,
  makeSessionInput,
  partAt,
} from '../support/factories.ts'
import { emulatorSes, startMailFlow } from '../support/mail-flow.ts'
import { uniqueAddress } from '../support/ses.ts'
import { sesBounce, sesComplaint, snsEvent } from '../support/ses-feedback.ts'
import { changeRecord, insertRecord } from '../support/stream.ts'
import { testSenderConfig } from '../support/wiring.ts'

/**
 * Least privilege, proved against the synthesized template: each function's role statements are
 * listed (no `*` action or resource beyond the allow-list below), and each function's real code,
 * run on DynamoDB Local through a client that records every request, did nothing its statements
 * would refuse.
 */

const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>
}

type Statement = {
  Effect: string
  Action: string | string[]
  Resource: unknown
  Condition?: Record<string, Record<string, string | string[]>>
}
type Resource = { Properties: Record<string, unknown> }

/** A statement as the test reads it: resources named by what they are (`table`, `table/index/gsi1`…). */
interface ReadableStatement {
  actions: string[]
  resources: string[]
  condition?: Statement['Condition']
}

const SERVICES = ['api', 'mail', 'mail-feedback', 'jobs', 'stats'] as const
type Service = (typeof SERVICES)[number]

let statements: Record<Service, ReadableStatement[]>

beforeAll(() => {
  // A stand-in for the built site (synthesis needs its pages), and no bundling: the roles do not
  // depend on the bundles, which stack.test.ts and bundles.test.ts check.
  const siteDir = mkdtempSync(join(tmpdir(), 'ey-site-'))
  writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>Site</title>')
  writeFileSync(join(siteDir, '404.html'), '<!doctype html><title>Not found</title>')
  const { stack } = createApp({ context: { ...cdkJson.context, siteDir, 'aws:cdk:bundling-stacks': [] } })
  const template = Template.fromStack(stack)
  rmSync(siteDir, { recursive: true, force: true })
  const resources = template.toJSON().Resources as Record<string, Resource & { Type: string }>
  const named = (value: unknown) => nameOf(value, resources)
  statements = Object.fromEntries(
    SERVICES.map((service) => {
      const fn = Object.values(resources).find(
        (resource) =>
          resource.Type === 'AWS::Lambda::Function' &&
          JSON.stringify(resource.Properties.Environment).includes(`"POWERTOOLS_SERVICE_NAME":"${service}"`),
      ) as Resource
      const [roleId] = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt']
      const own = Object.values(resources)
        .filter(
          (resource) =>
            resource.Type === 'AWS::IAM::Policy' &&
            JSON.stringify(resource.Properties.Roles) === JSON.stringify([{ Ref: roleId }]),
        )
        .flatMap((policy) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement)
      expect(own.every((statement) => statement.Effect === 'Allow')).toBe(true)
      return [
        service,
        own.map((statement) => ({
          actions: [statement.Action].flat(),
          resources: [statement.Resource].flat().map(named),
          ...(statement.Condition ? { condition: statement.Condition } : {}),
        })),
      ]
    }),
  ) as typeof statements
}, 120_000)

/**
 * A resource by what it is: `table`, `table/index/gsi1`, `table/stream`, `<AWS::SQS::Queue>` for
 * another resource of the stack, `${AWS::Region}` for a pseudo parameter, joined as the ARN joins them.
 */
function nameOf(value: unknown, resources: Record<string, { Type: string }>): string {
  if (typeof value === 'string') return value
  const object = value as { Ref?: string; 'Fn::GetAtt'?: [string, string]; 'Fn::Join'?: [string, unknown[]] }
  const join = object['Fn::Join']
  if (join) return join[1].map((part) => nameOf(part, resources)).join(join[0])
  const id = object.Ref ?? object['Fn::GetAtt']?.[0]
  if (id?.startsWith('AWS::')) return `\${${id}}`
  const type = id ? resources[id]?.Type : undefined
  if (type === 'AWS::DynamoDB::GlobalTable')
    return object['Fn::GetAtt']?.[1] === 'StreamArn' ? 'table/stream' : 'table'
  return type ? `<${type}>` : JSON.stringify(value)
}

/** IAM's `StringLike`: `*` any run of characters, `?` any one. */
function like(pattern: string, value: string): boolean {
  const source = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  return new RegExp(`^${source}$`).test(value)
}

/** Whether a statement's conditions hold for this access; a condition it does not know refuses. */
function conditionHolds(condition: ReadableStatement['condition'], access: TableAccess): boolean {
  for (const [operator, entries] of Object.entries(condition ?? {})) {
    for (const [key, values] of Object.entries(entries)) {
      if (operator !== 'ForAllValues:StringLike' || key !== 'dynamodb:LeadingKeys') return false
      if (!access.partitions.every((pk) => [values].flat().some((pattern) => like(pattern, pk)))) return false
    }
  }
  return true
}

/** Whether any statement allows this access (only Allow statements exist: checked above). */
function allowed(list: ReadableStatement[], access: TableAccess): boolean {
  const resource = access.index ? `table/index/${access.index}` : 'table'
  return list.some(
    (statement) =>
      statement.actions.some((action) => like(action, access.action)) &&
      statement.resources.some((pattern) => like(pattern, resource)) &&
      conditionHolds(statement.condition, access),
  )
}

/** What a partition key begins with, for reading: `BOOKING#`, `MAIL_AUDIT`… */
const prefixOf = (pk: string) => /^[^#]*#?/.exec(pk)?.[0] ?? pk

/** The accesses summed up, one line each: `dynamodb:Query table/index/gsi2 PERSON#`. */
function summary(accesses: TableAccess[]): string[] {
  const lines = accesses.flatMap((access) =>
    (access.partitions.length ? access.partitions : ['']).map(
      (pk) => `${access.action} ${access.index ? `table/index/${access.index}` : 'table'} ${prefixOf(pk)}`,
    ),
  )
  return [...new Set(lines)].sort()
}

/**
 * Wildcards the roles may keep, each with its reason; any other `*` in an action or a resource
 * fails the test.
 */
const ALLOWED_WILDCARDS: { service: Service | 'any'; wildcard: string; reason: string }[] = [
  {
    service: 'api',
    wildcard: '<AWS::S3::Bucket>/materials/*',
    reason: 'each material file has a key of its own under materials/; the wildcard covers only those',
  },
]

describe('each function’s role', () => {
  it('lists its statements: what the snapshot beside this file shows, reviewed with every change', () => {
    expect(statements).toMatchSnapshot()
  })

  it('holds no `*` action or resource beyond the allow-list, each with its reason', () => {
    const found = SERVICES.flatMap((service) =>
      statements[service].flatMap((statement) =>
        [...statement.actions, ...statement.resources]
          .filter((value) => value.includes('*'))
          .map((wildcard) => ({ service, wildcard })),
      ),
    )
    const unexplained = found.filter(
      ({ service, wildcard }) =>
        !ALLOWED_WILDCARDS.some(
          (allowedOne) =>
            (allowedOne.service === 'any' || allowedOne.service === service) &&
            allowedOne.wildcard === wildcard,
        ),
    )
    expect(unexplained).toEqual([])
  })

  it('never scans, never writes in batches, and reads indexes by name (no index/*)', () => {
    for (const service of SERVICES) {
      for (const statement of statements[service]) {
        expect(statement.actions, service).not.toContain('dynamodb:Scan')
        expect(statement.actions, service).not.toContain('dynamodb:BatchWriteItem')
        expect(statement.resources, service).not.toContain('table/index/*')
      }
    }
  })
})

describe('what each function may not do', () => {
  const refuses = (service: Service, action: string, pk: string, index?: string) =>
    !allowed(statements[service], { action, partitions: [pk], ...(index ? { index } : {}) })

  it('the mail function changes no booking, session or course item but an alert’s count, and writes no new outbox item', () => {
    expect(refuses('mail', 'dynamodb:PutItem', 'BOOKING#b1')).toBe(true)
    expect(refuses('mail', 'dynamodb:UpdateItem', 'BOOKING#b1')).toBe(true)
    expect(refuses('mail', 'dynamodb:UpdateItem', 'SESSION#s1')).toBe(true)
    expect(refuses('mail', 'dynamodb:PutItem', 'OUTBOX#o1')).toBe(true)
    expect(refuses('mail', 'dynamodb:DeleteItem', 'OUTBOX#o1')).toBe(true)
    expect(refuses('mail', 'dynamodb:GetItem', 'AUDIT#2026-03')).toBe(true)
    expect(refuses('mail', 'dynamodb:Query', 'DUE#outbox', 'gsi4')).toBe(true)
  })

  it('the bounce handler only marks addresses, and the stats function touches only bookings’ take-up and the aggregates', () => {
    expect(refuses('mail-feedback', 'dynamodb:GetItem', 'UNDELIVERABLE#u1')).toBe(true)
    expect(refuses('mail-feedback', 'dynamodb:PutItem', 'BOOKING#b1')).toBe(true)
    expect(refuses('stats', 'dynamodb:PutItem', 'SESSION#s1')).toBe(true)
    expect(refuses('stats', 'dynamodb:UpdateItem', 'BOOKING#b1')).toBe(true)
    expect(refuses('stats', 'dynamodb:Query', 'REGISTER#s1', 'gsi1')).toBe(true)
  })

  it('the jobs read no audit or staff change, and the API reads no due work', () => {
    expect(refuses('jobs', 'dynamodb:PutItem', 'STAFF#x')).toBe(true)
    expect(refuses('jobs', 'dynamodb:GetItem', 'AUDIT#2026-03')).toBe(true)
    expect(refuses('api', 'dynamodb:Query', 'DUE#outbox', 'gsi4')).toBe(true)
    expect(refuses('api', 'dynamodb:Scan', 'BOOKING#b1')).toBe(true)
  })
})

/** The statements a test of the evaluator itself needs: one table statement with leading keys. */
const OUTBOX_ONLY: ReadableStatement[] = [
  {
    actions: ['dynamodb:UpdateItem'],
    resources: ['table'],
    condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['OUTBOX#*'] } },
  },
]

describe('the evaluator of statements', () => {
  it('allows an access only with its action, its resource and every partition key matching', () => {
    expect(allowed(OUTBOX_ONLY, { action: 'dynamodb:UpdateItem', partitions: ['OUTBOX#1'] })).toBe(true)
    expect(
      allowed(OUTBOX_ONLY, { action: 'dynamodb:UpdateItem', partitions: ['OUTBOX#1', 'BOOKING#1'] }),
    ).toBe(false)
    expect(allowed(OUTBOX_ONLY, { action: 'dynamodb:PutItem', partitions: ['OUTBOX#1'] })).toBe(false)
    expect(
      allowed(OUTBOX_ONLY, { action: 'dynamodb:UpdateItem', index: 'gsi1', partitions: ['OUTBOX#1'] }),
    ).toBe(false)
    expect(like('dynamodb:*', 'dynamodb:Scan')).toBe(true)
    expect(like('OUTBOX#*', 'OUTBOXES')).toBe(false)
  })
})

// ---------------------------------------------------------------------------------------------
// Every function's code, run on DynamoDB Local with a client of its own that records each request.

const SILENT = { info: () => {}, warn: () => {}, error: () => {}, appendKeys: () => {}, resetKeys: () => {} }
const today = londonParts(new Date()).date
const partDate = addDays(today, 5)
const startsAt = fromLondon(partDate, '16:00').toISOString()
const clock = fakeClock(new Date())

const recorded = {} as Record<Service, ReturnType<typeof recordingTable>>
let table: TestTable
let deps: CoreDeps
let poller: StreamPoller

beforeAll(async () => {
  table = await createTestTable()
  for (const service of SERVICES) recorded[service] = recordingTable(table)
  const config = testSenderConfig(table)
  deps = wireCore(config, table, { clock })
  poller = startMailFlow(recorded.mail, config, { clock })
})

afterAll(async () => {
  await poller?.stop()
})

describe('what each function did on DynamoDB Local', () => {
  it('is allowed by its statements, for each request and each part of a transaction or batch', async () => {
    const api = createApiApp(wireApi(testApiConfig(table), recorded.api, { clock, logger: SILENT }))
    const jobs = wireJobs(
      testSenderConfig(table),
      { doc: recorded.jobs.doc, ses: emulatorSes() },
      {
        clock,
        logger: SILENT,
      },
    )
    const stats = createStatsHandler(
      wireStats({ tableName: table.tableName }, { doc: recorded.stats.doc }, { logger: SILENT }),
    )
    const feedback = createFeedbackHandler(
      wireFeedback(
        { tableName: table.tableName },
        { doc: recorded['mail-feedback'].doc },
        { logger: SILENT },
      ),
    )
    const ok = async (response: Response | Promise<Response>) => {
      const res = await response
      expect(res.status, await res.clone().text()).toBeLessThan(300)
      return res
    }

    // Arranged as administrators would: a course, a trainer, a one-place session, an alert.
    await deps.catalogue.putCourse(makeCourse())
    const trainer = `trainer-${crypto.randomUUID()}`
    await deps.staffDirectory.add({
      sub: trainer,
      username: trainer,
      name: 'Chloe Evans',
      email: uniqueAddress('trainer'),
      roles: ['trainer'],
      laCodes: [],
      invitedAt: clock.now().toISOString(),
      invitedBy: 'seed',
    })
    await storeSessions(
      table,
      makeSession({ id: 'lp-1', capacity: 1, parts: [partAt(startsAt)], trainerIds: [trainer] }),
    )

    // The public API: listings, two bookings (the second waits), the first cancelled, an alert.
    const people = [uniqueAddress('first'), uniqueAddress('second')]
    await ok(api.request('/api/courses'))
    await ok(api.request('/api/sessions/lp-1'))
    const made = []
    for (const email of people) {
      const res = await ok(
        api.request('/api/sessions/lp-1/bookings', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
          body: JSON.stringify(makePerson({ email })),
        }),
      )
      expect(res.status).toBe(202)
      // The answer names no booking (a stranger cannot tell a new one from a repeat): open it as the
      // emailed link does, by the address's lock on the session and a token issued for that id.
      const { Item } = await table.doc.send(
        new GetCommand({
          TableName: table.tableName,
          Key: keys.sessionPerson('lp-1', normaliseEmail(email)),
          ConsistentRead: true,
        }),
      )
      const id = String(Item?.bookingId)
      made.push({ id, manageToken: deps.tokens.issue(id) })
    }
    const [first, second] = made as [{ id: string; manageToken: string }, { id: string; manageToken: string }]
    const bearer = (token: string, method = 'GET') => ({
      method,
      headers: { Authorization: `Bearer ${token}` },
    })
    await ok(api.request(`/api/bookings/${first.id}`, bearer(first.manageToken)))
    await ok(api.request(`/api/bookings/${first.id}`, bearer(first.manageToken, 'DELETE')))
    await ok(api.request(`/api/bookings/${second.id}`, bearer(second.manageToken)))
    await ok(
      api.request('/api/courses/slcn-core/alerts', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: uniqueAddress('alert'), laCode: LEEDS, scope: 'online' }),
      }),
    )
    await askForInterestAlert(deps, {
      courseId: 'slcn-core',
      email: uniqueAddress('alert'),
      laCode: LEEDS,
      scope: 'online',
    })
    await scheduleSession(
      deps,
      makeSessionInput({
        parts: [{ date: partDate, startTime: '10:00', endTime: '11:00' }],
        format: 'online',
      }),
    )
    await poller.drain()
    // An alert whose email is queued but which is still open (its closing has not landed): the
    // mail function closes it as the email goes.
    const openEmail = uniqueAddress('open-alert')
    await askForInterestAlert(deps, {
      courseId: 'slcn-core',
      email: openEmail,
      laCode: LEEDS,
      scope: 'online',
    })
    const open = (await deps.alerts.openAlertsOf('slcn-core')).find((alert) => alert.email === openEmail)
    if (!open) throw new Error('The alert was not opened')
    await deps.outbox.enqueue({
      id: `alert-${crypto.randomUUID()}`,
      kind: 'interest-alert',
      alertId: open.id,
      sessionId: 'lp-1',
      createdAt: clock.now().toISOString(),
    })
    await poller.drain()

    // The stats function, fed each booking as the stream would.
    for (const booking of made) {
      const { Item } = await table.doc.send(
        new GetCommand({ TableName: table.tableName, Key: keys.booking(booking.id) }),
      )
      await stats({ Records: [insertRecord(Item as Record<string, unknown>)] })
    }

    // Every job, at moments where each has something to do, and the emails they queue.
    // A one-place session whose place is offered on the day, to lapse before the next run.
    await storeSessions(table, makeSession({ id: 'lp-2', capacity: 1, parts: [partAt(startsAt)] }))
    const queue = []
    for (const [i, email] of [
      uniqueAddress('holder'),
      uniqueAddress('offered'),
      uniqueAddress('next'),
    ].entries()) {
      queue.push(
        await bookSession(deps, {
          sessionId: 'lp-2',
          idempotencyKey: `lp-2-${i}`,
          person: makePerson({ email }),
        }),
      )
    }
    const [holder, offered] = queue
    const twoHoursBefore = reminderAt(startsAt, 120)
    for (const at of [
      clock.now(),
      reminderAt(startsAt, 2880),
      fromLondon(addDays(partDate, -1), '07:00'),
      twoHoursBefore,
      new Date(new Date(startsAt).getTime() + 3 * 86_400_000),
    ]) {
      if (at === twoHoursBefore && holder) {
        clock.set(new Date(new Date(startsAt).getTime() - 20 * 3_600_000))
        await cancelBooking(deps, holder.booking.id, holder.manageToken)
      }
      clock.set(at)
      for (const job of JOBS) await runJob(job, jobs, at)
      await poller.drain()
    }

    // The offer lapsed and the jobs function expired it (and offered the place on).
    expect((await deps.bookings.getBooking(offered?.booking.id ?? ''))?.status).toBe('expired')

    // "Find my bookings" through the stream; then, with the stream's sender stopped, two emails
    // the jobs function's sweep sends itself once they are due.
    const email = (kind: 'bookings-list' | 'booking-confirmed') => ({
      id: `${kind}-${crypto.randomUUID()}`,
      kind,
      bookingId: second.id,
      createdAt: clock.now().toISOString(),
    })
    await deps.outbox.enqueue(email('bookings-list'))
    await poller.drain()
    await poller.stop()
    await deps.outbox.enqueue(email('bookings-list'))
    await deps.outbox.enqueue(email('booking-confirmed'))
    // And a trainer's digest, and an alert still open for a session a month ahead.
    await deps.outbox.enqueue({
      id: `digest-${crypto.randomUUID()}`,
      kind: 'trainer-digest',
      staffSub: trainer,
      date: londonParts(new Date(clock.now().getTime() + 3_600_000)).date,
      createdAt: clock.now().toISOString(),
    })
    const later = makeSession({ id: 'lp-3', startsAt: new Date(clock.now().getTime() + 30 * 86_400_000) })
    await storeSessions(table, later)
    const laterEmail = uniqueAddress('later-alert')
    await askForInterestAlert(deps, {
      courseId: later.courseId,
      email: laterEmail,
      laCode: LEEDS,
      scope: 'online',
    })
    const laterAlert = (await deps.alerts.openAlertsOf(later.courseId)).find(
      (alert) => alert.email === laterEmail,
    )
    if (!laterAlert) throw new Error('The alert was not opened')
    await deps.outbox.enqueue({
      id: `alert-${crypto.randomUUID()}`,
      kind: 'interest-alert',
      alertId: laterAlert.id,
      sessionId: later.id,
      createdAt: clock.now().toISOString(),
    })
    const sweep = JOBS.find((job) => job.name === 'sweep-outbox')
    if (!sweep) throw new Error('No sweep-outbox job')
    clock.set(new Date(clock.now().getTime() + 3_600_000))
    const { report } = await runJob(sweep, jobs, clock.now())
    expect(report.due).toBeGreaterThanOrEqual(4)

    // A booking that counted gone from the table (as if removed): the stats function takes away
    // what it added, its markers with it.
    await table.doc.send(new DeleteCommand({ TableName: table.tableName, Key: keys.booking(second.id) }))
    await stats({ Records: [changeRecord('REMOVE', keys.booking(second.id))] })

    // Bounces and complaints.
    await feedback(
      snsEvent(sesBounce([people[0] as string], 'Permanent', 'General'), sesComplaint([people[1] as string])),
    )

    // Three years on, the retention job erases the bookings and what hangs on them (an answer, a
    // certificate, emails), an alert still open and the addresses that bounced.
    await deps.questionnaires.saveResponse(
      makeQuestionnaireResponse({ bookingId: first.id, answers: { comments: 'Thank you' } }),
    )
    await deps.certificates.record({
      code: 'ABCD-0000-0001',
      bookingId: first.id,
      name: 'Ada',
      course: 'Course',
      parts: [partAt(startsAt)],
    })
    await deps.alerts.openAlert(
      makeAlert({
        id: 'lp-old-alert',
        email: uniqueAddress('old-alert'),
        createdAt: clock.now().toISOString(),
      }),
    )
    // A trainer's note and a walk-in on the session's register, which the job erases.
    await deps.registers.writeRegister({
      sessionId: 'lp-1',
      part: 0,
      lines: [{ subject: first.id, entry: { mark: 'absent', note: 'Rang to say sorry' }, version: 0 }],
      walkIns: [{ id: 'lp-walk-in', name: 'Wanda', email: uniqueAddress('walk-in') }],
      audit: [],
    })
    const retention = JOBS.find((job) => job.name === 'retention')
    if (!retention) throw new Error('No retention job')
    const erased = await runJob(retention, jobs, new Date(clock.now().getTime() + 3 * 365 * 86_400_000))
    expect(erased.report).toMatchObject({ certificates: 1, alerts: 1, undeliverable: 2, registers: 2 })

    const refused: Record<string, string[]> = {}
    for (const service of SERVICES) {
      const { accesses } = recorded[service]
      console.log(`${service} did:\n  ${summary(accesses).join('\n  ')}`)
      expect(accesses.length, service).toBeGreaterThan(0)
      const denied = summary(accesses.filter((access) => !allowed(statements[service], access)))
      if (denied.length) refused[service] = denied
    }
    expect(refused).toEqual({})

    // And the other way: every action on every partition prefix or index the mail, bounce, stats
    // and jobs functions are granted was used (the API is granted every item action by design).
    const unused: string[] = []
    for (const service of ['mail', 'mail-feedback', 'stats', 'jobs'] as const) {
      for (const statement of statements[service]) {
        const onTable = statement.resources.filter((resource) => /^table(\/index\/\w+)?$/.test(resource))
        const prefixes = [
          statement.condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] ?? ['*'],
        ].flat()
        for (const action of statement.actions)
          for (const resource of onTable)
            for (const prefix of prefixes) {
              const used = recorded[service].accesses.some(
                (access) =>
                  access.action === action &&
                  (access.index ? `table/index/${access.index}` : 'table') === resource &&
                  access.partitions.some((pk) => like(prefix, pk)),
              )
              if (!used) unused.push(`${service}: ${action} ${resource} ${prefix}`)
            }
      }
    }
    expect(unused).toEqual([])
  }, 120_000)
})
