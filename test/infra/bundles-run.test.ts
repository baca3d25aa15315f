import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { apiConfigFromEnv, createApp, wireApi } from '@ey/api'
import {
  askForInterestAlert,
  bookSession,
  cancelBooking,
  materialStorageKey,
  normaliseEmail,
  type Session,
  showAttendanceCode,
} from '@ey/domain'
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
import {
  DAY,
  LEEDS,
  makeCourse,
  makePartner,
  makePerson,
  makeQuestionnaireTemplate,
  makeSession,
  makeSessionInput,
} from '../support/factories.ts'
import { copySeededData, seededData } from '../support/seeded-data.ts'
import { sesBounce, snsEvent } from '../support/ses-feedback.ts'
import { authorizeAt } from '../support/staff.ts'
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

/** The API bundle's answer to each of the named events, by name (one process, the events in order). */
async function namedAnswers<Name extends string>(
  api: string,
  events: Record<Name, unknown>,
  env: Record<string, string>,
): Promise<Record<Name, HttpAnswer>> {
  const replies = (await answers(api, Object.values(events), env)) as HttpAnswer[]
  return Object.fromEntries(Object.keys(events).map((name, n) => [name, replies[n]])) as Record<
    Name,
    HttpAnswer
  >
}

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

/** A staff sign-in started at the stack's issuer, for `POST /api/auth/token` to redeem. */
const authorizeAtIssuer = (username: string) =>
  authorizeAt(
    {
      issuer: stack.env.STAFF_ISSUER ?? '',
      clientId: stack.env.STAFF_AUDIENCE ?? '',
      siteUrl: stack.env.SITE_URL ?? '',
    },
    username,
  )

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
  it('the API answers a page of courses, a booking’s calendar file, an LA’s downloads and dashboard, a setting, every other page’s read, and its OpenAPI document as the sources write it', async () => {
    const { clients, core } = await stackCore()
    const session = makeSession({
      id: 'bundle-run',
      startsAt: new Date(Date.now() + 14 * DAY),
      trainerIds: ['trainer-amira'],
    })
    await core.sessions.createSessions([session])
    const { booking, manageToken } = await bookSession(core, {
      sessionId: session.id,
      idempotencyKey: `bundle-run-${Date.now()}`,
      person: makePerson({ laCode: 'E08000035', shareWithLa: true }),
    })
    const officer = `Bearer ${await signInAs(stack.env.STAFF_ISSUER ?? '', 'la-leeds')}`
    const admin = `Bearer ${await signInAs(stack.env.STAFF_ISSUER ?? '', 'admin')}`
    const trainer = `Bearer ${await signInAs(stack.env.STAFF_ISSUER ?? '', 'trainer-amira')}`
    const [template] = await core.questionnaires.listTemplates()
    if (!template) throw new Error('no questionnaire template is seeded')
    const manage = { authorization: `Bearer ${manageToken}` }
    const booked = `/api/bookings/${booking.id}`
    // Every other page's read, each of which must answer 200.
    const pages = {
      health: get('/api/health'),
      course: get(`/api/courses/${session.courseId}`),
      courseMaterials: get(`/api/courses/${session.courseId}/materials`),
      sessions: get('/api/sessions'),
      session: get(`/api/sessions/${session.id}`),
      booking: get(booked, manage),
      moveOptions: get(`${booked}/move-options`, manage),
      attendance: get(`${booked}/attendance`, manage),
      questionnaires: get(`${booked}/questionnaires`, manage),
      questionnaire: get(`${booked}/questionnaires/pre`, manage),
      bookingMaterials: get(`${booked}/materials`, manage),
      trainerSessions: get('/api/trainer/sessions', { authorization: trainer }),
      register: get(`/api/trainer/sessions/${session.id}/parts/0/register`, { authorization: trainer }),
      sessionMaterials: get(`/api/trainer/sessions/${session.id}/materials`, { authorization: trainer }),
      importTemplate: get('/api/admin/sessions/import/template.csv', { authorization: admin }),
      partners: get('/api/admin/partners', { authorization: admin }),
      adminCourses: get('/api/admin/courses', { authorization: admin }),
      templates: get('/api/admin/questionnaires', { authorization: admin }),
      template: get(`/api/admin/questionnaires/${template.id}`, { authorization: admin }),
      templateVersions: get(`/api/admin/questionnaires/${template.id}/versions`, { authorization: admin }),
      adminSessions: get('/api/admin/sessions', { authorization: admin }),
      adminSession: get(`/api/admin/sessions/${session.id}`, { authorization: admin }),
      staff: get('/api/admin/staff', { authorization: admin }),
      mail: get('/api/admin/mail', { authorization: admin }),
      audit: get('/api/admin/audit', { authorization: admin }),
      national: get('/api/admin/national', { authorization: admin }),
      nationalCsv: get('/api/admin/national.csv', { authorization: admin }),
      adminCourseMaterials: get(`/api/admin/courses/${session.courseId}/materials`, { authorization: admin }),
      results: get(`/api/staff/results?sessionId=${session.id}`, { authorization: admin }),
      me: get('/api/staff/me', { authorization: trainer }),
      signInConfig: get('/api/auth/config'),
    }

    const [courses, calendar, attendees, summaryCsv, summary, settings, openapi, ...read] = (await answers(
      api,
      [
        get('/api/courses'),
        get(`/api/bookings/${booking.id}/calendar`, { authorization: `Bearer ${manageToken}` }),
        get('/api/la/E08000035/attendees.csv', { authorization: officer }),
        get('/api/la/E08000035/summary.csv', { authorization: officer }),
        get('/api/la/E08000035/summary', { authorization: officer }),
        get('/api/admin/settings', { authorization: admin }),
        get('/api/openapi.json'),
        ...Object.values(pages),
      ],
    )) as HttpAnswer[]

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
    expect(Object.fromEntries(Object.keys(pages).map((name, n) => [name, read[n]?.statusCode]))).toEqual(
      Object.fromEntries(Object.keys(pages).map((name) => [name, 200])),
    )
    // Built from the routes' zod schemas, whose bundling the zod plugins change: it must be the
    // document the sources' app makes.
    expect(openapi?.statusCode).toBe(200)
    const apiConfig = await apiConfigFromEnv(stack.env)
    const sources = createApp(wireApi(apiConfig, clients))
    const document = JSON.parse(bodyOf(openapi as HttpAnswer)) as { paths: Record<string, object> }
    expect(document).toEqual(await (await sources.request('/api/openapi.json')).json())
    // The tests of this file send every one of these operations to the bundle (the README's
    // "Function bundles" says so): raise the count with a new route only once a test sends it.
    expect(Object.values(document.paths).flatMap((operations) => Object.keys(operations))).toHaveLength(85)
    clients.doc.destroy()
  }, 120_000)

  it('the API, configured as in AWS, takes a booking, a cancellation, a register mark, a questionnaire answer, material files, a staff invitation and an administrator’s writes, and gives a certificate', async () => {
    const { clients, core } = await stackCore()
    // Secrets Manager, Cognito and S3, which the local stack has no service for: the SDK's calls go
    // to this recording stand-in, so the chunks and clients that make them run as in AWS.
    const aws = await startAwsStandIn({
      secretString: stack.env.MANAGE_TOKEN_SECRET ?? '',
      cognitoUsernames: [TAKEN],
      // The key the bundle signs with (its environment is the stack's over this process's).
      secretAccessKey: stack.env.AWS_SECRET_ACCESS_KEY ?? process.env.AWS_SECRET_ACCESS_KEY,
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
      // And a file of the whole course, an administrator's.
      const courseOwner = { kind: 'course', id: 'bundle-writes' } as const
      const courseUploaded = materialStorageKey(courseOwner, 'bundle-course-upload', 'reading.pdf')
      aws.putObject(`/${BUCKET}/${courseUploaded}`, 4096, 'application/pdf')
      const courseMaterials = '/api/admin/courses/bundle-writes/materials'
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
        certificateView: get(`/api/bookings/${ada.booking.id}/certificate`, adaToken),
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
        courseTicket: send(
          'POST',
          `${courseMaterials}/uploads`,
          { fileName: 'reading-2.pdf', contentType: 'application/pdf', size: 4096 },
          admin,
        ),
        courseConfirmed: send(
          'POST',
          `${courseMaterials}/files`,
          {
            key: courseUploaded,
            fileName: 'reading.pdf',
            contentType: 'application/pdf',
            title: 'Reading list',
            audience: 'booked',
          },
          admin,
        ),
        courseRemoved: request('DELETE', `${courseMaterials}/bundle-course-upload`, { headers: admin }),
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
      const got = await namedAnswers(api, writes, {
        // What the API reads in AWS: material files in a bucket, invitations to a user pool.
        ...secretFromStandIn(aws),
        MATERIALS_BUCKET: BUCKET,
        STAFF_USER_POOL_ID: USER_POOL,
        AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: aws.url,
        AWS_ENDPOINT_URL_S3: aws.url,
      })
      const body = (answer: HttpAnswer) => JSON.parse(bodyOf(answer))
      expect(
        Object.fromEntries(Object.entries(got).map(([name, answer]) => [name, answer.statusCode])),
      ).toEqual({
        booked: 202,
        marked: 200,
        certificate: 200,
        certificateView: 200,
        answered: 200,
        cancelled: 200,
        ticket: 200,
        confirmed: 201,
        removed: 204,
        courseTicket: 200,
        courseConfirmed: 201,
        courseRemoved: 204,
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
      // The manage page's offer of it names the code the PDF carries.
      expect(body(got.certificateView)).toMatchObject({ status: 'offered' })
      expect(got.certificate.headers['content-disposition']).toContain(
        `${body(got.certificateView).code}.pdf`,
      )

      expect((await core.questionnaires.getResponse(ada.booking.id, 'pre'))?.answers.hopes).toBe(
        'Signing with the children',
      )

      expect((await core.bookings.getBooking(mary.booking.id))?.status).toBe('cancelled')

      // Material files, a session's and the course's: links signed for the bucket, the upload found
      // and then deleted there.
      const upload = new URL(body(got.ticket).url)
      expect(upload.pathname).toMatch(
        new RegExp(`^/${BUCKET}/materials/session/${session.id}/[^/]+/week-2\\.pdf$`),
      )
      expect(upload.searchParams.get('X-Amz-Credential')).toContain('/s3/aws4_request')
      expect(upload.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/)
      // The upload itself, as the browser sends it to the link with the ticket's headers (the
      // stand-in checks the link's signature as S3 does): the file of the size asked for is taken,
      // one of another size refused.
      const ticket = body(got.ticket) as { method: string; headers: Record<string, string> }
      const put = (bytes: number) =>
        fetch(upload, { method: ticket.method, headers: ticket.headers, body: Buffer.alloc(bytes) })
      expect([(await put(1024)).status, (await put(2048)).status]).toEqual([403, 200])
      expect(calls(undefined, 'PUT').map((call) => [call.path, call.body.length])).toEqual([
        [upload.pathname, 1024],
        [upload.pathname, 2048],
      ])
      const download = new URL(body(got.confirmed).href)
      expect(download.pathname).toBe(`/${BUCKET}/${uploaded}`)
      expect(download.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/)
      expect(new URL(body(got.courseTicket).url).pathname).toMatch(
        new RegExp(`^/${BUCKET}/materials/course/bundle-writes/[^/]+/reading-2\\.pdf$`),
      )
      expect(new URL(body(got.courseConfirmed).href).pathname).toBe(`/${BUCKET}/${courseUploaded}`)
      expect(calls(undefined, 'HEAD').map((call) => [call.signedFor, call.path])).toEqual([
        ['s3', `/${BUCKET}/${uploaded}`],
        ['s3', `/${BUCKET}/${courseUploaded}`],
      ])
      expect(calls(undefined, 'DELETE').map((call) => [call.signedFor, call.path])).toEqual([
        ['s3', `/${BUCKET}/${uploaded}`],
        ['s3', `/${BUCKET}/${courseUploaded}`],
      ])
      expect(await core.materials.listOf(owner)).toEqual([])
      expect(await core.materials.listOf(courseOwner)).toEqual([])

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

  it('the API takes the rest of its writes, participants’ (offers taken and turned down, a move, a check-in, LA sharing, a lookup, alerts asked for and stopped), a trainer’s (a code, a participant report, a link) and administrators’ (sessions edited, published, unpublished, cancelled and imported, a register reopened, mail, subject access, questionnaires, the catalogue), and redeems a staff sign-in code', async () => {
    const { clients, core } = await stackCore()
    const aws = await startAwsStandIn({ secretString: stack.env.MANAGE_TOKEN_SECRET ?? '' })
    try {
      const course = makeCourse({ id: 'bundle-routes', title: 'Bundled routes' })
      await core.catalogue.putCourse(course)
      const session = (id: string, days: number, overrides: Partial<Session> = {}) =>
        makeSession({
          id: `bundle-routes-${id}`,
          courseId: course.id,
          startsAt: new Date(Date.now() + days * DAY),
          ...overrides,
        })
      const sessions = {
        held: session('held', 3, { trainerIds: ['trainer-amira'] }),
        later: session('later', 10),
        // Within a day of its start, a freed place is offered rather than given.
        soon: session('soon', 0.5, { capacity: 2 }),
        past: session('past', -30),
        draft: session('draft', 20, { status: 'draft' }),
        listed: session('listed', 21),
        calledOff: session('called-off', 22),
        edited: session('edited', 23),
      }
      await core.sessions.createSessions(Object.values(sessions))
      const book = (on: Session, email: string) =>
        bookSession(core, {
          sessionId: on.id,
          idempotencyKey: `${on.id}-${email}`,
          person: makePerson({ email }),
        })
      const bearer = (made: { manageToken: string }) => ({ authorization: `Bearer ${made.manageToken}` })

      const ERASED = 'erased.routes@example.org'
      const ALERTED = 'alerted.routes@example.org'
      const BOUNCED = 'bounced.routes@example.org'
      const CERTIFICATE = 'B0D1-E5A1-0C0D'
      const template = makeQuestionnaireTemplate({ id: 'bundle-routes-post' })
      const partner = makePartner({ id: 'bundle-routes-partner', name: 'Bundled Partnership' })
      const issuer = stack.env.STAFF_ISSUER ?? ''
      const staff = async (username: string) => ({
        authorization: `Bearer ${await signInAs(issuer, username)}`,
      })
      // Each session's bookings one after another; the rest at once.
      const [[taker, decliner], held, told, alert, bounced, admin, trainer, signIn] = await Promise.all([
        (async () => {
          // Two places, two waiting: both places given up, so both waiting are offered one.
          const [first, second, taker, decliner] = [
            await book(sessions.soon, 'first.routes@example.org'),
            await book(sessions.soon, 'second.routes@example.org'),
            await book(sessions.soon, 'taker.routes@example.org'),
            await book(sessions.soon, 'decliner.routes@example.org'),
          ]
          for (const given of [first, second]) await cancelBooking(core, given.booking.id, given.manageToken)
          return [taker, decliner] as const
        })(),
        (async () => {
          const mover = await book(sessions.held, 'mover.routes@example.org')
          const checker = await book(sessions.held, 'checker.routes@example.org')
          // A confirmation the sender gave up on, parked for an administrator.
          const parked = await book(sessions.held, 'parked.routes@example.org')
          const [email] = await core.personalData.emailsAbout([parked.booking.id])
          if (!email) throw new Error('the booking queued no email')
          await core.outbox.park(email.message.id, { error: 'Throttling', at: new Date(), attempts: 5 })
          // To be erased: its one booking cancelled, so none is still going ahead.
          const erased = await book(sessions.held, ERASED)
          await cancelBooking(core, erased.booking.id, erased.manageToken)
          const trainerAmira = { sub: 'trainer-amira', roles: ['trainer' as const], laCodes: [] }
          const { code } = await showAttendanceCode(core, trainerAmira, sessions.held.id, 0)
          return { mover, checker, parked, parkedEmail: email, erased, code }
        })(),
        (async () => [
          await book(sessions.calledOff, 'told.one.routes@example.org'),
          await book(sessions.calledOff, 'told.two.routes@example.org'),
        ])(),
        (async () => {
          await askForInterestAlert(core, { courseId: course.id, email: ALERTED, laCode: LEEDS, scope: 'la' })
          const open = (await core.alerts.openAlertsOf(course.id)).find((found) => found.email === ALERTED)
          if (!open) throw new Error('the alert is not open')
          return open
        })(),
        (async () => {
          const at = new Date().toISOString()
          await core.undeliverable.mark({
            address: BOUNCED,
            reason: 'bounce',
            detail: 'Permanent/General',
            at,
          })
          const entry = (await core.undeliverable.list(1000)).find((found) => found.address === BOUNCED)
          if (!entry) throw new Error('the address is not undeliverable')
          return entry
        })(),
        staff('admin'),
        staff('trainer-amira'),
        authorizeAtIssuer('trainer-amira'),
        core.questionnaires.addTemplateVersion(template),
        core.certificates.record({
          code: CERTIFICATE,
          bookingId: 'bundle-routes-certified',
          name: 'Grace Hopper',
          course: course.title,
          parts: sessions.past.parts,
        }),
      ])
      const { mover, checker, parked, parkedEmail, erased, code } = held
      const register = `/api/trainer/sessions/${sessions.held.id}/parts/0/register`
      const report = [
        'Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,In Waiting Room',
        `Ada L (Ada Lovelace),${checker.booking.person.email},03/16/2026 04:00:55 PM,03/16/2026 05:30:00 PM,90,Yes,No`,
      ].join('\n')
      const later = new Date(Date.now() + 61 * DAY).toISOString().slice(0, 10)
      const importCsv = [
        'course_id,title,format,capacity,status,part_1_date,part_1_start,part_1_end,joining_url,trainer_ids',
        `${course.id},Imported bundled,online,12,published,${later},10:00,11:30,https://meet.example.org/j/2,trainer-ben`,
      ].join('\n')

      const writes = {
        accepted: request('POST', `/api/bookings/${taker.booking.id}/offer/accept`, {
          headers: bearer(taker),
        }),
        declined: request('POST', `/api/bookings/${decliner.booking.id}/offer/decline`, {
          headers: bearer(decliner),
        }),
        moved: send(
          'POST',
          `/api/bookings/${mover.booking.id}/move`,
          { sessionId: sessions.later.id },
          {
            ...bearer(mover),
            'idempotency-key': 'bundle-routes-move',
          },
        ),
        checkedIn: send('POST', `/api/bookings/${checker.booking.id}/check-in`, { code }, bearer(checker)),
        // After the check-in: a new code retires the one it used.
        codeShown: request('POST', `${register}/code`, { headers: trainer }),
        reportMatched: send('POST', `${register}/participant-report`, { report }, trainer),
        linkAdded: send(
          'POST',
          `/api/trainer/sessions/${sessions.held.id}/materials/links`,
          { title: 'Signing videos', url: 'https://signs.example.org/videos', audience: 'booked' },
          trainer,
        ),
        courseLinkAdded: send(
          'POST',
          `/api/admin/courses/${course.id}/materials/links`,
          { title: 'Course reading list', url: 'https://signs.example.org/reading', audience: 'booked' },
          admin,
        ),
        sharingWithdrawn: request('POST', `/api/bookings/${checker.booking.id}/la-sharing/withdraw`, {
          headers: bearer(checker),
        }),
        sharingAgreed: request('POST', `/api/bookings/${checker.booking.id}/la-sharing/agree`, {
          headers: bearer(checker),
        }),
        lookedUp: send('POST', '/api/bookings/lookup', { email: checker.booking.person.email }),
        alertAsked: send('POST', `/api/courses/${course.id}/alerts`, {
          email: 'asked.routes@example.org',
          laCode: LEEDS,
          scope: 'online',
        }),
        exported: send(
          'POST',
          '/api/admin/subject-access/export',
          { email: checker.booking.person.email },
          admin,
        ),
        sessionEdited: send(
          'PUT',
          `/api/admin/sessions/${sessions.edited.id}`,
          makeSessionInput({
            courseId: course.id,
            parts: [{ date: later, startTime: '13:00', endTime: '14:30' }],
            capacity: 14,
          }),
          admin,
        ),
        capacityChanged: send(
          'POST',
          `/api/admin/sessions/${sessions.held.id}/capacity`,
          { capacity: 12 },
          admin,
        ),
        undeliverableCleared: request('DELETE', `/api/admin/mail/undeliverable/${bounced.id}`, {
          headers: admin,
        }),
        reopened: request('POST', `/api/admin/sessions/${sessions.past.id}/register/reopen`, {
          headers: admin,
        }),
        published: request('POST', `/api/admin/sessions/${sessions.draft.id}/publish`, { headers: admin }),
        unpublished: request('POST', `/api/admin/sessions/${sessions.listed.id}/unpublish`, {
          headers: admin,
        }),
        cancelled: request('POST', `/api/admin/sessions/${sessions.calledOff.id}/cancel`, { headers: admin }),
        imported: request('POST', '/api/admin/sessions/import', {
          headers: { ...admin, 'content-type': 'text/csv' },
          body: importCsv,
        }),
        resent: request('POST', `/api/admin/mail/emails/${parkedEmail.message.id}/resend`, {
          headers: admin,
        }),
        erased: send('POST', '/api/admin/subject-access/erase', { email: ERASED, confirm: true }, admin),
        templateAdded: send(
          'POST',
          '/api/admin/questionnaires',
          { kind: 'post', name: 'Bundled after', items: template.items },
          admin,
        ),
        templateEdited: send(
          'PUT',
          `/api/admin/questionnaires/${template.id}`,
          { name: 'After the bundled session', items: template.items },
          admin,
        ),
        templateAttached: send(
          'PUT',
          `/api/admin/courses/${course.id}/questionnaires/post`,
          { templateId: template.id },
          admin,
        ),
        partnerAdded: send('POST', '/api/admin/partners', partner, admin),
        partnerChanged: send(
          'PUT',
          `/api/admin/partners/${partner.id}`,
          { ...partner, name: 'Bundled Partnership (renamed)' },
          admin,
        ),
        courseAdded: send(
          'POST',
          '/api/admin/courses',
          makeCourse({ id: 'bundle-routes-new', partnerId: partner.id, title: 'Bundled newcomer' }),
          admin,
        ),
        courseChanged: send(
          'PUT',
          `/api/admin/courses/${course.id}`,
          { ...course, title: 'Bundled routes, renamed' },
          admin,
        ),
        alertStopped: request('POST', `/api/alerts/${alert.id}/stop`, {
          headers: { authorization: `Bearer ${core.alertTokens.issue(alert.id)}` },
        }),
        signedIn: send('POST', '/api/auth/token', signIn),
        // Not a write: the public check of a certificate's code, the one read the first test leaves out.
        verified: get(`/api/certificates/${CERTIFICATE}`),
      }
      const got = await namedAnswers(api, writes, {
        ...secretFromStandIn(aws),
        MATERIALS_BUCKET: BUCKET,
        AWS_ENDPOINT_URL_S3: aws.url,
      })
      const body = (answer: HttpAnswer) => JSON.parse(bodyOf(answer))
      expect(
        Object.fromEntries(Object.entries(got).map(([name, answer]) => [name, answer.statusCode])),
      ).toEqual({
        accepted: 200,
        declined: 200,
        moved: 201,
        checkedIn: 200,
        codeShown: 200,
        reportMatched: 200,
        linkAdded: 201,
        courseLinkAdded: 201,
        sharingWithdrawn: 200,
        sharingAgreed: 200,
        lookedUp: 202,
        alertAsked: 202,
        exported: 200,
        sessionEdited: 200,
        capacityChanged: 200,
        undeliverableCleared: 200,
        reopened: 200,
        published: 200,
        unpublished: 200,
        cancelled: 200,
        imported: 201,
        resent: 200,
        erased: 200,
        templateAdded: 201,
        templateEdited: 200,
        templateAttached: 200,
        partnerAdded: 201,
        partnerChanged: 200,
        courseAdded: 201,
        courseChanged: 200,
        alertStopped: 200,
        signedIn: 200,
        verified: 200,
      })
      const status = async (made: { booking: { id: string } }) =>
        (await core.bookings.getBooking(made.booking.id))?.status
      const kinds = async (made: { booking: { id: string } }) =>
        (await core.personalData.emailsAbout([made.booking.id])).map((email) => email.message.kind)

      // The waiting list: one offer taken up, the other turned down.
      expect([await status(taker), await status(decliner)]).toEqual(['confirmed', 'declined'])

      // The move: a confirmed place on the later date, the old one let go.
      const moved = await core.bookings.getBooking(body(got.moved).id)
      expect([moved?.sessionId, moved?.status]).toEqual([sessions.later.id, 'confirmed'])
      expect(await status(mover)).toBe('cancelled')

      // The check-in, waiting for the trainer to confirm it.
      expect(body(got.checkedIn)).toEqual({ part: 0 })
      expect(
        (await core.registers.getRegisterPart(sessions.held.id, 0))?.entries[checker.booking.id]?.checkIn,
      ).toMatchObject({ confirmed: false })

      // The locked register of a past session takes changes for seven days.
      const reopenedUntil = (await core.registers.getRegisterPart(sessions.past.id, 0))?.reopenedUntil
      expect(new Date(reopenedUntil ?? 0).getTime()).toBeGreaterThan(Date.now() + 6 * DAY)

      // Sessions published, taken back to draft, cancelled (each booking cancelled and its person
      // told) and imported.
      const statusOf = async (id: string) => (await core.sessions.getSession(id))?.status
      expect([
        await statusOf(sessions.draft.id),
        await statusOf(sessions.listed.id),
        await statusOf(sessions.calledOff.id),
      ]).toEqual(['published', 'draft', 'cancelled'])
      expect(body(got.cancelled).cancelled).toBe(2)
      for (const booking of told) {
        expect(await status(booking)).toBe('cancelled')
        expect(await kinds(booking)).toContain('session-cancelled')
      }
      const imported = body(got.imported) as { created: number; items: { id: string }[] }
      expect(imported.created).toBe(1)
      expect(await core.sessions.getSession(imported.items[0]?.id ?? '')).toMatchObject({
        courseId: course.id,
        title: 'Imported bundled',
      })

      // The parked email queued again for the sender.
      expect((await core.personalData.emailsAbout([parked.booking.id])).map((email) => email.status)).toEqual(
        ['pending'],
      )

      // Nothing is held about the erased address any more: its booking is a pseudonym's.
      expect(await core.personalData.bookingsOf(normaliseEmail(ERASED))).toEqual([])
      expect((await core.bookings.getBooking(erased.booking.id))?.person.email).not.toBe(ERASED)
      expect(body(got.erased)).toMatchObject({ bookings: 1 })

      // Questionnaire templates: one added, one edited as a new version and given to the course.
      expect((await core.questionnaires.latestVersion(body(got.templateAdded).id))?.name).toBe(
        'Bundled after',
      )
      expect(await core.questionnaires.latestVersion(template.id)).toMatchObject({
        version: 2,
        name: 'After the bundled session',
      })
      expect(await core.questionnaires.courseTemplateId(course.id, 'post')).toBe(template.id)

      // The catalogue: a partner added and renamed, a course added to it, a course renamed.
      expect((await core.catalogue.listPartners()).find((found) => found.id === partner.id)?.name).toBe(
        'Bundled Partnership (renamed)',
      )
      expect((await core.catalogue.getCourse('bundle-routes-new'))?.partnerId).toBe(partner.id)
      expect((await core.catalogue.getCourse(course.id))?.title).toBe('Bundled routes, renamed')

      expect((await core.alerts.getAlert(alert.id))?.status).toBe('stopped')

      // The trainer's side: a new attendance code, a participant report matched, a link added (and an
      // administrator's link for the whole course).
      expect((await core.registers.getRegisterPart(sessions.held.id, 0))?.code?.value).toBe(
        body(got.codeShown).code,
      )
      expect(body(got.reportMatched).matches.map((match: { bookingId: string }) => match.bookingId)).toEqual([
        checker.booking.id,
      ])
      expect(
        (await core.materials.listOf({ kind: 'session', id: sessions.held.id })).map((m) => m.title),
      ).toEqual(['Signing videos'])
      expect((await core.materials.listOf({ kind: 'course', id: course.id })).map((m) => m.title)).toEqual([
        'Course reading list',
      ])

      // The participant's side: sharing with the LA (agreed when booking) withdrawn and agreed again,
      // the list of bookings sent, an alert asked for.
      const shared = await core.bookings.getBooking(checker.booking.id)
      expect([shared?.laSharing?.map((event) => event.agreed), shared?.person.shareWithLa]).toEqual([
        [true, false, true],
        true,
      ])
      expect(await kinds(checker)).toContain('bookings-list')
      // Any status: the sessions this batch publishes later may have told it of one already.
      expect(
        (await core.personalData.alertsOf(normaliseEmail('asked.routes@example.org'))).map(
          (asked) => asked.courseId,
        ),
      ).toEqual([course.id])

      // The administrator's: the export of an address, a session's times and capacity changed, an
      // address let have email again.
      expect(body(got.exported).bookings.map((booking: { id: string }) => booking.id)).toEqual([
        checker.booking.id,
      ])
      const edited = await core.sessions.getSession(sessions.edited.id)
      // Moved from 23 days ahead to the date given, at 13:00 London time.
      const startOf = (startsAt: string | undefined) => new Date(startsAt ?? 0).getTime()
      expect([edited?.capacity, startOf(edited?.parts[0]?.startsAt)]).toEqual([
        14,
        startOf(body(got.sessionEdited).parts[0].startsAt),
      ])
      expect((await core.sessions.getSession(sessions.held.id))?.capacity).toBe(12)
      expect(await core.undeliverable.isUndeliverable(BOUNCED)).toBe(false)

      expect(body(got.verified)).toMatchObject({ name: 'Grace Hopper', course: course.title })

      // The sign-in code redeemed at the issuer for an ID token of that staff member.
      const idToken = body(got.signedIn).idToken as string
      expect(JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString())).toMatchObject({
        'cognito:username': 'trainer-amira',
        token_use: 'id',
      })
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
