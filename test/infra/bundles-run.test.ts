import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bookSession } from '@ey/domain'
import { FUNCTION_ENTRIES } from '@ey/infra'
import { bundleFunction } from '@ey/infra/bundle'
import { JOB_SCHEDULES } from '@ey/jobs-function'
import { type LocalStack, signInAs, startLocalStack } from '@ey/local-stack'
import { coreClients, coreConfigFromEnv, wireCore } from '@ey/runtime'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { bundledAnswers } from '../support/bundled-handler.ts'
import { makePerson, makeSession } from '../support/factories.ts'
import { copySeededData, seededData } from '../support/seeded-data.ts'

// The API and jobs bundles, as deployed, answering events against the local stack: a fault only a
// bundle has (a file read from the package's folder, an import that esbuild resolves otherwise)
// shows here, where the tests of the sources cannot see it.

const out = mkdtempSync(join(tmpdir(), 'ey-bundles-run-'))
let stack: LocalStack
let removeData = () => {}
let api = ''
let jobs = ''

beforeAll(async () => {
  const seeded = await seededData(inject('seededDataDir'))
  const copy = copySeededData(seeded)
  removeData = copy.remove
  stack = await startLocalStack({ dataDir: copy.dataDir, seed: true, mail: true, stream: false, jobs: false })
  ;[api, jobs] = await Promise.all([
    bundleFunction(FUNCTION_ENTRIES.api, join(out, 'api')).then((bundle) => bundle.path),
    bundleFunction(FUNCTION_ENTRIES.jobs, join(out, 'jobs')).then((bundle) => bundle.path),
  ])
}, 600_000)
afterAll(async () => {
  await stack?.stop()
  removeData()
  rmSync(out, { recursive: true, force: true })
})

/** The bundle's answers to `events`, with the stack's configuration (see `bundledAnswers`). */
const answers = (bundle: string, events: unknown[]) =>
  bundledAnswers(bundle, events, {
    ...process.env,
    ...stack.env,
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    NODE_OPTIONS: '',
  })

/** An HTTP API (payload 2.0) event for a GET. */
function get(path: string, headers: Record<string, string> = {}) {
  const [rawPath, rawQueryString = ''] = path.split('?')
  return {
    version: '2.0',
    routeKey: 'ANY /api/{proxy+}',
    rawPath,
    rawQueryString,
    headers: { host: 'training.example.org', accept: '*/*', ...headers },
    requestContext: {
      http: { method: 'GET', path: rawPath, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'test' },
      requestId: 'test',
      routeKey: 'ANY /api/{proxy+}',
      stage: '$default',
      timeEpoch: 0,
    },
    isBase64Encoded: false,
  }
}

interface HttpAnswer {
  statusCode: number
  headers: Record<string, string>
  body: string
  isBase64Encoded: boolean
}
const bodyOf = (answer: HttpAnswer) =>
  answer.isBase64Encoded ? Buffer.from(answer.body, 'base64').toString('utf8') : answer.body

describe('the bundles, run against the local stack', () => {
  it('the API answers a page of courses, a booking’s calendar file, an LA’s downloads and dashboard, and a setting', async () => {
    const config = await coreConfigFromEnv(stack.env)
    const clients = coreClients(config)
    const core = wireCore(config, clients)
    const session = makeSession({ id: 'bundle-run', startsAt: new Date(Date.now() + 14 * 86_400_000) })
    await core.sessions.createSessions([session])
    const { booking, manageToken } = await bookSession(core, {
      sessionId: session.id,
      idempotencyKey: `bundle-run-${Date.now()}`,
      person: makePerson({ laCode: 'E08000035', shareWithLa: true }),
    })
    const officer = `Bearer ${await signInAs(stack.env.STAFF_ISSUER ?? '', 'la-leeds')}`
    const admin = `Bearer ${await signInAs(stack.env.STAFF_ISSUER ?? '', 'admin')}`

    const [courses, calendar, attendees, summaryCsv, summary, settings] = (await answers(api, [
      get('/api/courses'),
      get(`/api/bookings/${booking.id}/calendar`, { authorization: `Bearer ${manageToken}` }),
      get('/api/la/E08000035/attendees.csv', { authorization: officer }),
      get('/api/la/E08000035/summary.csv', { authorization: officer }),
      get('/api/la/E08000035/summary', { authorization: officer }),
      get('/api/admin/settings', { authorization: admin }),
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
    clients.doc.destroy()
  }, 120_000)

  it('the jobs function runs every scheduled job and reports it', async () => {
    const names = JOB_SCHEDULES.map((schedule) => schedule.name)
    const reports = (await answers(
      jobs,
      names.map((job) => ({ job })),
    )) as { job: string; report: Record<string, number> }[]
    expect(reports.map((answer) => answer.job)).toEqual(names)
    for (const answer of reports) expect(Object.keys(answer.report).length).toBeGreaterThan(0)
  }, 120_000)
})
