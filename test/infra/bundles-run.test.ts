import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { apiConfigFromEnv, createApp, wireApi } from '@ey/api'
import { bookSession, materialStorageKey } from '@ey/domain'
import { keys } from '@ey/dynamodb'
import { GetCommand } from '@ey/dynamodb/client'
import { FUNCTION_ENTRIES, type FunctionName } from '@ey/infra'
import { bundleFunction } from '@ey/infra/bundle'
import { JOB_SCHEDULES } from '@ey/jobs-function'
import { type LocalStack, readSentEmails, signInAs, startLocalStack } from '@ey/local-stack'
import { coreClients, coreConfigFromEnv, wireCore } from '@ey/runtime'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { type AwsStandIn, startAwsStandIn } from '../support/aws-stand-in.ts'
import { bundledAnswers } from '../support/bundled-handler.ts'
import { DAY, makeCourse, makePerson, makeSession, makeSessionInput } from '../support/factories.ts'
import { copySeededData, seededData } from '../support/seeded-data.ts'
import { sesBounce, snsEvent } from '../support/ses-feedback.ts'
import { insertRecord, streamEvent } from '../support/stream.ts'

// The API and jobs bundles, as deployed, answering events against the local stack: a fault only a
// bundle has (a file read from the package's folder, an import that esbuild resolves otherwise, a
// lazily loaded chunk that fails) shows here, where the tests of the sources cannot see it. What the
// stack has no service for (Secrets Manager, S3, Cognito) a recording stand-in answers.

const BUCKET = 'ey-materials-bundle-run'
const USER_POOL = 'eu-west-2_BundleRun'
const GRACE = 'grace.bundled@example.org'
const TAKEN = 'taken-bundled'
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-2:111111111111:secret:manage-token-BundleRun'

const out = mkdtempSync(join(tmpdir(), 'ey-bundles-run-'))
let stack: LocalStack
let removeData = () => {}
let api = ''
let jobs = ''
let mail = ''
let mailFeedback = ''
let stats = ''

beforeAll(async () => {
  const seeded = await seededData(inject('seededDataDir'))
  const copy = copySeededData(seeded)
  removeData = copy.remove
  stack = await startLocalStack({ dataDir: copy.dataDir, seed: true, mail: true, stream: false, jobs: false })
  const bundled = (name: FunctionName) =>
    bundleFunction(FUNCTION_ENTRIES[name], join(out, name)).then((bundle) => bundle.path)
  ;[api, jobs, mail, mailFeedback, stats] = await Promise.all([
    bundled('api'),
    bundled('jobs'),
    bundled('mail'),
    bundled('mail-feedback'),
    bundled('stats'),
  ])
}, 600_000)
afterAll(async () => {
  await stack?.stop()
  removeData()
  rmSync(out, { recursive: true, force: true })
})

/** The bundle's answers to `events`, with the stack's configuration and `env` (see `bundledAnswers`). */
const answers = (bundle: string, events: unknown[], env: Record<string, string> = {}) =>
  bundledAnswers(bundle, events, {
    ...process.env,
    ...stack.env,
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    NODE_OPTIONS: '',
    ...env,
  })

/** The stack's table, wired as the functions wire it, to set up and check what a bundle did (`clients.doc.destroy()` after). */
async function stackCore() {
  const config = await coreConfigFromEnv(stack.env)
  const clients = coreClients(config)
  return { config, clients, core: wireCore(config, clients) }
}

/**
 * The manage-token key as the functions read it in AWS, from the secret `MANAGE_TOKEN_SECRET_ARN`
 * names (`MANAGE_TOKEN_SECRET` set but empty is unset), answered by `aws` with the stack's key.
 */
const secretFromStandIn = (aws: AwsStandIn) => ({
  MANAGE_TOKEN_SECRET: '',
  MANAGE_TOKEN_SECRET_ARN: SECRET_ARN,
  AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.url,
})

/** An HTTP API (payload 2.0) event, as API Gateway hands it to the function. */
function request(
  method: string,
  path: string,
  { headers = {}, body }: { headers?: Record<string, string>; body?: string } = {},
) {
  const [rawPath, rawQueryString = ''] = path.split('?')
  return {
    version: '2.0',
    routeKey: 'ANY /api/{proxy+}',
    rawPath,
    rawQueryString,
    headers: { host: 'training.example.org', accept: '*/*', ...headers },
    requestContext: {
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'test',
      routeKey: 'ANY /api/{proxy+}',
      stage: '$default',
      timeEpoch: 0,
    },
    ...(body === undefined ? {} : { body }),
    isBase64Encoded: false,
  }
}
const get = (path: string, headers: Record<string, string> = {}) => request('GET', path, { headers })
/** A request with a JSON body. */
const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  request(method, path, {
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

interface HttpAnswer {
  statusCode: number
  headers: Record<string, string>
  body: string
  isBase64Encoded: boolean
}
const bodyOf = (answer: HttpAnswer) =>
  answer.isBase64Encoded ? Buffer.from(answer.body, 'base64').toString('utf8') : answer.body

describe('the bundles, run against the local stack', () => {
  it('the API answers a page of courses, a booking’s calendar file, an LA’s downloads and dashboard, a setting, and its OpenAPI document as the sources write it', async () => {
    const { clients, core } = await stackCore()
    const session = makeSession({ id: 'bundle-run', startsAt: new Date(Date.now() + 14 * DAY) })
    await core.sessions.createSessions([session])
    const { booking, manageToken } = await bookSession(core, {
      sessionId: session.id,
      idempotencyKey: `bundle-run-${Date.now()}`,
      person: makePerson({ laCode: 'E08000035', shareWithLa: true }),
    })
    const officer = `Bearer ${await signInAs(stack.env.STAFF_ISSUER ?? '', 'la-leeds')}`
    const admin = `Bearer ${await signInAs(stack.env.STAFF_ISSUER ?? '', 'admin')}`

    const [courses, calendar, attendees, summaryCsv, summary, settings, openapi] = (await answers(api, [
      get('/api/courses'),
      get(`/api/bookings/${booking.id}/calendar`, { authorization: `Bearer ${manageToken}` }),
      get('/api/la/E08000035/attendees.csv', { authorization: officer }),
      get('/api/la/E08000035/summary.csv', { authorization: officer }),
      get('/api/la/E08000035/summary', { authorization: officer }),
      get('/api/admin/settings', { authorization: admin }),
      get('/api/openapi.json'),
    ])) as HttpAnswer[]

    expect(courses?.statusCode).toBe(200)
    expect(JSON.parse(bodyOf(courses as HttpAnswer)).items.length).toBeGreaterThan(0)
    expect(calendar?.statusCode).toBe(200)
    expect(bodyOf(calendar as HttpAnswer)).toContain('TZID:Europe/London')
    expect(attendees?.statusCode).toBe(200)
    expect(bodyOf(attendees as HttpAnswer)).toContain(booking.person.email)
    expect(summaryCsv?.statusCode).toBe(200)
    expect(bodyOf(summaryCsv as HttpAnswer)).toContain('la code,la name,month')
    expect(summary?.statusCode).toBe(200)
    expect(settings?.statusCode).toBe(200)
    // Built from the routes' zod schemas, whose bundling the zod plugins change: it must be the
    // document the sources' app makes.
    expect(openapi?.statusCode).toBe(200)
    const apiConfig = await apiConfigFromEnv(stack.env)
    const sources = createApp(wireApi(apiConfig, clients))
    expect(JSON.parse(bodyOf(openapi as HttpAnswer))).toEqual(
      await (await sources.request('/api/openapi.json')).json(),
    )
    clients.doc.destroy()
  }, 120_000)

  it('the API, configured as in AWS, takes a booking, a cancellation, a register mark, a questionnaire answer, material files, a staff invitation and an administrator’s writes, and gives a certificate', async () => {
    const { clients, core } = await stackCore()
    // Secrets Manager, Cognito and S3, which the local stack has no service for: the SDK's calls go
    // to this recording stand-in, so the chunks and clients that make them run as in AWS.
    const aws = await startAwsStandIn({
      secretString: stack.env.MANAGE_TOKEN_SECRET ?? '',
      cognitoUsernames: [TAKEN],
    })
    try {
      await core.catalogue.putCourse(
        makeCourse({ id: 'bundle-writes', title: 'Sensory play', certificateOn: 'attendance' }),
      )
      const session = makeSession({
        id: 'bundle-writes',
        courseId: 'bundle-writes',
        startsAt: new Date(Date.now() + 2 * DAY),
        trainerIds: ['trainer-amira'],
      })
      await core.sessions.createSessions([session])
      const book = (email: string) =>
        bookSession(core, { sessionId: session.id, idempotencyKey: email, person: makePerson({ email }) })
      const [ada, mary] = [await book('ada.bundled@example.org'), await book('mary.bundled@example.org')]
      const owner = { kind: 'session', id: session.id } as const
      const uploaded = materialStorageKey(owner, 'bundle-upload', 'week-1.pdf')
      aws.putObject(`/${BUCKET}/${uploaded}`, 2048, 'application/pdf')
      const issuer = stack.env.STAFF_ISSUER ?? ''
      const trainer = { authorization: `Bearer ${await signInAs(issuer, 'trainer-amira')}` }
      const admin = { authorization: `Bearer ${await signInAs(issuer, 'admin')}` }
      const newcomer = {
        username: 'nadia-bundled',
        name: 'Nadia Newcomer',
        email: 'nadia-bundled@staff.example.org',
        roles: ['trainer'],
      }
      const later = new Date(Date.now() + 60 * DAY).toISOString().slice(0, 10)
      const register = `/api/trainer/sessions/${session.id}/parts/0/register`
      const materials = `/api/trainer/sessions/${session.id}/materials`
      const importCsv = [
        'course_id,title,format,capacity,status,part_1_date,part_1_start,part_1_end,joining_url,trainer_ids',
        `bundle-writes,,online,15,draft,${later},09:30,11:00,https://meet.example.org/j/1,trainer-ben`,
      ].join('\n')

      const adaToken = { authorization: `Bearer ${ada.manageToken}` }
      const writes = {
        booked: send('POST', `/api/sessions/${session.id}/bookings`, makePerson({ email: GRACE }), {
          'idempotency-key': 'bundle-writes-grace',
        }),
        marked: send(
          'POST',
          `${register}/changes`,
          {
            changes: [{ kind: 'mark', key: 'bundle-writes-ada', subject: ada.booking.id, mark: 'present' }],
          },
          trainer,
        ),
        certificate: get(`/api/bookings/${ada.booking.id}/certificate.pdf`, adaToken),
        answered: send(
          'PUT',
          `/api/bookings/${ada.booking.id}/questionnaires/pre`,
          {
            answers: { confidence: 2, knowledge: 3, hopes: 'Signing with the children' },
          },
          adaToken,
        ),
        cancelled: request('DELETE', `/api/bookings/${mary.booking.id}`, {
          headers: { authorization: `Bearer ${mary.manageToken}` },
        }),
        ticket: send(
          'POST',
          `${materials}/uploads`,
          {
            fileName: 'week-2.pdf',
            contentType: 'application/pdf',
            size: 2048,
          },
          trainer,
        ),
        confirmed: send(
          'POST',
          `${materials}/files`,
          {
            key: uploaded,
            fileName: 'week-1.pdf',
            contentType: 'application/pdf',
            title: 'Week 1 slides',
            audience: 'booked',
          },
          trainer,
        ),
        removed: request('DELETE', `${materials}/bundle-upload`, { headers: trainer }),
        invited: send('POST', '/api/admin/staff', newcomer, admin),
        // In the pool but not in the directory: Cognito's error, read in the Cognito chunk, must
        // still be the domain's conflict (the chunk and the handler share one @ey/domain).
        taken: send(
          'POST',
          '/api/admin/staff',
          { ...newcomer, username: TAKEN, email: `${TAKEN}@example.org` },
          admin,
        ),
        scheduled: send(
          'POST',
          '/api/admin/sessions',
          makeSessionInput({
            courseId: 'bundle-writes',
            parts: [{ date: later, startTime: '16:00', endTime: '17:30' }],
          }),
          admin,
        ),
        preview: request('POST', '/api/admin/sessions/import/preview', {
          headers: { ...admin, 'content-type': 'text/csv' },
          body: importCsv,
        }),
      }
      const replies = (await answers(api, Object.values(writes), {
        // What the API reads in AWS: material files in a bucket, invitations to a user pool.
        ...secretFromStandIn(aws),
        MATERIALS_BUCKET: BUCKET,
        STAFF_USER_POOL_ID: USER_POOL,
        AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: aws.url,
        AWS_ENDPOINT_URL_S3: aws.url,
      })) as HttpAnswer[]
      const got = Object.fromEntries(
        Object.keys(writes).map((name, n) => [name, replies[n] as HttpAnswer]),
      ) as Record<keyof typeof writes, HttpAnswer>
      const body = (answer: HttpAnswer) => JSON.parse(bodyOf(answer))
      expect(
        Object.fromEntries(Object.entries(got).map(([name, answer]) => [name, answer.statusCode])),
      ).toEqual({
        booked: 202,
        marked: 200,
        certificate: 200,
        answered: 200,
        cancelled: 200,
        ticket: 200,
        confirmed: 201,
        removed: 204,
        invited: 201,
        taken: 409,
        scheduled: 201,
        preview: 200,
      })
      const calls = (target: string | undefined, method = 'POST') =>
        aws.requests.filter((call) => call.target === target && call.method === method)

      // The manage-token key, read once at cold start.
      expect(
        calls('secretsmanager.GetSecretValue').map((call) => [call.signedFor, JSON.parse(call.body)]),
      ).toEqual([['secretsmanager', { SecretId: SECRET_ARN }]])

      const bookings = await core.registers.sessionBookings(session.id)
      expect(bookings.find((booking) => booking.person.email === GRACE)?.status).toBe('confirmed')

      expect((await core.registers.getRegisterPart(session.id, 0))?.entries[ada.booking.id]?.mark).toBe(
        'present',
      )

      expect(got.certificate.headers['content-type']).toBe('application/pdf')
      expect(
        Buffer.from(got.certificate.body, got.certificate.isBase64Encoded ? 'base64' : 'utf8')
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-')

      expect((await core.questionnaires.getResponse(ada.booking.id, 'pre'))?.answers.hopes).toBe(
        'Signing with the children',
      )

      expect((await core.bookings.getBooking(mary.booking.id))?.status).toBe('cancelled')

      // Material files: links signed for the bucket, the upload found and then deleted there.
      const upload = new URL(body(got.ticket).url)
      expect(upload.pathname).toMatch(
        new RegExp(`^/${BUCKET}/materials/session/${session.id}/[^/]+/week-2\\.pdf$`),
      )
      expect(upload.searchParams.get('X-Amz-Credential')).toContain('/s3/aws4_request')
      expect(upload.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/)
      const download = new URL(body(got.confirmed).href)
      expect(download.pathname).toBe(`/${BUCKET}/${uploaded}`)
      expect(download.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/)
      expect(calls(undefined, 'HEAD').map((call) => [call.signedFor, call.path])).toEqual([
        ['s3', `/${BUCKET}/${uploaded}`],
      ])
      expect(calls(undefined, 'DELETE').map((call) => [call.signedFor, call.path])).toEqual([
        ['s3', `/${BUCKET}/${uploaded}`],
      ])
      expect(await core.materials.listOf(owner)).toEqual([])

      // The invitation: a user in the pool, in the trainers' group, and the member in the directory.
      expect(body(got.invited)).toMatchObject({ username: newcomer.username, sub: 'stand-in-sub-1' })
      expect(
        calls('AWSCognitoIdentityProviderService.AdminCreateUser').map((call) => [
          call.signedFor,
          JSON.parse(call.body),
        ]),
      ).toEqual([
        ['cognito-idp', expect.objectContaining({ UserPoolId: USER_POOL, Username: newcomer.username })],
        ['cognito-idp', expect.objectContaining({ UserPoolId: USER_POOL, Username: TAKEN })],
      ])
      expect(body(got.taken)).toMatchObject({ code: 'already-exists' })
      expect(await core.staffDirectory.findByUsername(TAKEN)).toBeUndefined()
      expect(
        calls('AWSCognitoIdentityProviderService.AdminAddUserToGroup').map((call) => JSON.parse(call.body)),
      ).toEqual([{ UserPoolId: USER_POOL, Username: newcomer.username, GroupName: 'trainer' }])
      expect((await core.staffDirectory.findByUsername(newcomer.username))?.sub).toBe('stand-in-sub-1')

      expect((await core.sessions.getSession(body(got.scheduled).id))?.courseId).toBe('bundle-writes')
      expect(body(got.preview)).toMatchObject({ valid: 1, fileErrors: [] })
    } finally {
      await aws.close()
      clients.doc.destroy()
    }
  }, 120_000)

  it('the mail, stats and mail-feedback functions answer what the table stream and SNS hand them: a confirmation sent with its calendar file, a booking applied to the take-up figures, a bounce recorded', async () => {
    const { config, clients, core } = await stackCore()
    const session = makeSession({ id: 'bundle-stream', startsAt: new Date(Date.now() + 9 * DAY) })
    await core.sessions.createSessions([session])
    const address = `bundle.stream.${Date.now()}@example.org`
    const { booking } = await bookSession(core, {
      sessionId: session.id,
      idempotencyKey: address,
      person: makePerson({ email: address }),
    })
    const [email] = await core.personalData.emailsAbout([booking.id])
    if (!email) throw new Error('the booking queued no email')
    // Items as the stream carries them: their new image, read back from the table.
    const inserted = async (key: { pk: string; sk: string }) => {
      const { Item } = await clients.doc.send(
        new GetCommand({ TableName: config.tableName, Key: key, ConsistentRead: true }),
      )
      if (!Item) throw new Error(`${key.pk} is not in the table`)
      return streamEvent(insertRecord(Item))
    }
    const bounced = `bundle.bounce.${Date.now()}@example.org`

    const [mailAnswer, statsAnswer, feedbackAnswer] = await Promise.all([
      answers(mail, [await inserted(keys.outbox(email.message.id))]),
      answers(stats, [await inserted(keys.booking(booking.id))]),
      answers(mailFeedback, [snsEvent(sesBounce([bounced]))]),
    ])

    // Mail: sent through the SES emulator, calendar file and all, and marked sent.
    expect(mailAnswer).toEqual([{ batchItemFailures: [] }])
    const sent = (await readSentEmails(stack.env.SES_ENDPOINT ?? '')).filter((sentEmail) =>
      sentEmail.destination.to.some((to) => to.includes(address)),
    )
    expect(sent).toHaveLength(1)
    expect(sent[0]?.attachments.map((attachment) => attachment.contentType)).toEqual([
      expect.stringContaining('text/calendar'),
    ])
    expect((await core.personalData.emailsAbout([booking.id])).map((record) => record.status)).toEqual([
      'sent',
    ])
    // Stats: the booking applied, none failed.
    expect(statsAnswer).toEqual([{ batchItemFailures: [] }])
    // Mail-feedback: the address no longer gets email.
    expect(feedbackAnswer).toEqual([null])
    expect(await core.undeliverable.isUndeliverable(bounced)).toBe(true)
    clients.doc.destroy()
  }, 120_000)

  it('the jobs function, reading its manage-token key from Secrets Manager as in AWS, runs every scheduled job and reports it', async () => {
    const aws = await startAwsStandIn({ secretString: stack.env.MANAGE_TOKEN_SECRET ?? '' })
    try {
      const names = JOB_SCHEDULES.map((schedule) => schedule.name)
      const reports = (await answers(
        jobs,
        names.map((job) => ({ job })),
        secretFromStandIn(aws),
      )) as { job: string; report: Record<string, number> }[]
      expect(reports.map((answer) => answer.job)).toEqual(names)
      for (const answer of reports) expect(Object.keys(answer.report).length).toBeGreaterThan(0)
      expect(aws.requests.map((call) => [call.target, call.signedFor, JSON.parse(call.body)])).toEqual([
        ['secretsmanager.GetSecretValue', 'secretsmanager', { SecretId: SECRET_ARN }],
      ])
    } finally {
      await aws.close()
    }
  }, 120_000)
})
