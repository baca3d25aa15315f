import { randomUUID } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type ApiConfig, type ApiLogger, createLambdaApp, type WiredApi, wireApi } from '@ey/api'
import type { BookingView, NewBookingView } from '@ey/contract'
import { normaliseEmail, type Person } from '@ey/domain'
import { keys } from '@ey/dynamodb'
import { GetCommand } from '@ey/dynamodb/client'
import { manageUrl } from '@ey/presentation'
import { localLinkSecret } from '@ey/runtime/files'
import { createTestTable, type TestTable } from '../../support/dynamo.ts'
import { type FakeClock, fakeClock, makePerson } from '../../support/factories.ts'
import { RAISED_RATE_LIMITS } from '../../support/limits.ts'
import { staffIssuer } from '../../support/staff.ts'
import { SITE_URL, testConfig } from '../../support/wiring.ts'

export { SITE_URL }

/** A logger that keeps every call, so tests can read what was logged (and what was not). */
export interface RecordingLogger extends ApiLogger {
  readonly lines: { level: 'info' | 'error'; args: unknown[] }[]
  /** Everything logged, as one string, to search for data that must never appear. */
  text(): string
}

/** A logger that records instead of printing. */
export function recordingLogger(): RecordingLogger {
  const lines: RecordingLogger['lines'] = []
  const keys: Record<string, unknown>[] = []
  return {
    lines,
    info: (...args: unknown[]) => void lines.push({ level: 'info', args: [...args, ...keys] }),
    error: (...args: unknown[]) => void lines.push({ level: 'error', args: [...args, ...keys] }),
    appendKeys: (attributes: Record<string, unknown>) => void keys.push(attributes),
    resetKeys: () => void keys.splice(0),
    text: () =>
      JSON.stringify(lines, (_key, value) =>
        value instanceof Error ? { name: value.name, message: value.message, stack: value.stack } : value,
      ),
  }
}

export interface TestApi {
  app: ReturnType<typeof createLambdaApp>
  deps: WiredApi & { clock: FakeClock; logger: RecordingLogger }
  catalogue: WiredApi['catalogue']
  table: TestTable
}

/**
 * The API's settings for a test table, with staff sign-in at the run's local issuer and material
 * files in a temporary folder of the table's own, their links under the site's origin.
 */
export function testApiConfig(table: TestTable): ApiConfig {
  const { issuer, audience, jwksUrl } = staffIssuer()
  const core = testConfig(table)
  return {
    ...core,
    staff: { issuer, audience, jwksUrl, authUrl: issuer },
    materialFiles: {
      kind: 'local',
      dir: join(tmpdir(), `ey-materials-${table.tableName}`),
      baseUrl: SITE_URL,
      secret: localLinkSecret(core.manageTokenSecret),
    },
  }
}

/**
 * The app composed and wired as the Lambda does it (`createLambdaApp`: staff routes handed to the
 * whole app, built on the first), on a table of its own in DynamoDB Local, but with a clock
 * standing at the factories' `NOW`, a recording logger and the abuse limits raised
 * (`RAISED_RATE_LIMITS`: these tests book many times, all from one in-process address and mostly
 * one email; the limits' own tests pass `limits`); staff tokens are verified against the
 * run's local issuer (mint them with `staffToken` from `test/support/staff.ts`). Any dependency
 * can be replaced.
 */
export async function createTestApi(overrides: Partial<WiredApi> = {}): Promise<TestApi> {
  const table = await createTestTable()
  const deps = wireApi(testApiConfig(table), table, {
    clock: fakeClock(),
    logger: recordingLogger(),
    limits: RAISED_RATE_LIMITS,
    ...overrides,
  }) as TestApi['deps']
  return { app: createLambdaApp(deps, () => deps), deps, catalogue: deps.catalogue, table }
}

/** A fresh Idempotency-Key. */
export function newKey(): string {
  return `key-${randomUUID()}`
}

/** `POST /api/sessions/{id}/bookings` with a JSON body and a fresh (or given) Idempotency-Key. */
export function book(
  app: TestApi['app'],
  sessionId: string,
  person: Partial<Person> | Record<string, unknown> = {},
  key: string | null = newKey(),
): Response | Promise<Response> {
  return app.request(`/api/sessions/${sessionId}/bookings`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(key === null ? {} : { 'Idempotency-Key': key }) },
    body: JSON.stringify(makePerson(person as Partial<Person>)),
  })
}

/** A request carrying a booking's manage token. */
export function withToken(token: string, init: RequestInit = {}): RequestInit {
  return { ...init, headers: { ...init.headers, Authorization: `Bearer ${token}` } }
}

/**
 * Books through `POST /api/sessions/{id}/bookings`, which answers 202 and no token, then opens the
 * booking as its holder would from the emailed link: the booking the address holds on the session
 * (its person lock), the manage token the link carries (issued for that id), and `GET
 * /api/bookings/{id}` with it. Throws when the request was not received.
 */
export async function booked(
  api: TestApi,
  sessionId: string,
  person: Partial<Person> | Record<string, unknown> = {},
  key: string = newKey(),
): Promise<NewBookingView> {
  const res = await book(api.app, sessionId, person, key)
  if (res.status !== 202) throw new Error(`booking answered ${res.status}: ${await res.text()}`)
  const email = makePerson(person as Partial<Person>).email
  const { Item } = await api.table.doc.send(
    new GetCommand({
      TableName: api.table.tableName,
      Key: keys.sessionPerson(sessionId, normaliseEmail(email)),
      ConsistentRead: true,
    }),
  )
  const id = String(Item?.bookingId)
  const manageToken = api.deps.tokens.issue(id)
  const view = (await (
    await api.app.request(`/api/bookings/${id}`, withToken(manageToken))
  ).json()) as BookingView
  return {
    id,
    reference: view.reference,
    sessionId: view.sessionId,
    status: view.status,
    ...(view.waitlistPosition === undefined ? {} : { waitlistPosition: view.waitlistPosition }),
    manageToken,
    manageUrl: manageUrl(SITE_URL, id, manageToken),
  }
}
