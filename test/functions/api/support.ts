import { randomUUID } from 'node:crypto'
import { type ApiDeps, type ApiLogger, createApp } from '@ey/api'
import { DEFAULT_POLICY, hmacTokens, type Person, randomIds } from '@ey/domain'
import {
  createDynamoBookingLookup,
  createDynamoBookingRepository,
  createDynamoCatalogueRepository,
  createDynamoRegisterRepository,
  createDynamoSessionStore,
} from '@ey/dynamodb'
import { localAuthorities } from '@ey/reference-data'
import { createTestTable, type TestTable } from '../../support/dynamo.ts'
import { type FakeClock, fakeClock, makePerson } from '../../support/factories.ts'
import { staffDirectoryDeps, staffSignIn, staffVerifier } from '../../support/staff.ts'

export const SITE_URL = 'https://training.example.org'

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
  app: ReturnType<typeof createApp>
  deps: ApiDeps & { clock: FakeClock; logger: RecordingLogger }
  catalogue: ReturnType<typeof createDynamoCatalogueRepository>
  table: TestTable
}

/**
 * The app on a table of its own in DynamoDB Local, with the real repositories, a clock standing
 * at the factories' `NOW`, a recording logger and the real staff token verifier pointed at the
 * run's local issuer (mint tokens with `staffToken` from `test/support/staff.ts`); any dependency
 * can be replaced.
 */
export async function createTestApi(overrides: Partial<ApiDeps> = {}): Promise<TestApi> {
  const table = await createTestTable()
  const catalogue = createDynamoCatalogueRepository({ doc: table.doc, tableName: table.tableName })
  const deps = {
    bookings: createDynamoBookingRepository({ doc: table.doc, tableName: table.tableName }),
    catalogue,
    catalogueWriter: catalogue,
    sessions: createDynamoSessionStore({ doc: table.doc, tableName: table.tableName }),
    lookup: createDynamoBookingLookup({ doc: table.doc, tableName: table.tableName }),
    registers: createDynamoRegisterRepository({ doc: table.doc, tableName: table.tableName }),
    clock: fakeClock(),
    ids: randomIds,
    tokens: hmacTokens('an-api-test-secret-long-enough-for-hmac'),
    las: localAuthorities,
    policy: DEFAULT_POLICY,
    logger: recordingLogger(),
    siteUrl: SITE_URL,
    staff: staffVerifier(),
    staffSignIn: staffSignIn(),
    ...staffDirectoryDeps(table),
    ...overrides,
  } as TestApi['deps']
  return { app: createApp(deps), deps, catalogue, table }
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
