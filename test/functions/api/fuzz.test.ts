import { createHash } from 'node:crypto'
import { ScanCommand } from '@ey/dynamodb/client'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  anyString,
  deepNesting,
  type JsonSchema,
  schemaArbitraries,
} from '../../support/schema-arbitraries.ts'
import { staffToken } from '../../support/staff.ts'
import { fuzzWorld } from './fuzz-world.ts'
import { createTestApi, type TestApi } from './support.ts'

/**
 * Requests per operation: 30 by default (2,520 over the 84 operations the document lists on 2026-12-03), so the
 * file stays within the CI budget; `FUZZ_RUNS=500 pnpm exec vitest run
 * test/functions/api/fuzz.test.ts` runs longer. `FUZZ_SEED` replays the run a failure names.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30)
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED)

/**
 * Items any request may legitimately write, left out of the data's hash: the access audit (staff
 * reading personal data), abuse-limit buckets and wrong attendance-code counters.
 */
const VOLATILE_PK_PREFIXES = ['AUDIT#', 'RATE#']
const VOLATILE_SKS = ['CODE_ATTEMPTS']

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required?: boolean
  schema: JsonSchema
}
interface Operation {
  parameters?: Parameter[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
  security?: Record<string, string[]>[]
}
interface Document {
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, JsonSchema> }
}

/** One generated request, with what was broken on purpose. */
interface FuzzRequest {
  method: string
  path: string
  headers: Record<string, string>
  body?: string
  broken: string[]
}

const api = await createTestApi()
const world = await fuzzWorld(api)
const document = (await (await api.app.request('/api/openapi.json')).json()) as Document
const { valid, invalid } = schemaArbitraries(document.components.schemas)
const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    key: `${method.toUpperCase()} ${path}`,
    method,
    path,
    operation,
  })),
)

/** Staff tokens the local issuer signs: handlers behind the staff check are reached. */
const STAFF = {
  admin: await staffToken('admin'),
  trainer: await staffToken('trainer-amira'),
  otherTrainer: await staffToken('trainer-ben'),
  la: await staffToken('la-leeds'),
}
/** Credentials that must let nothing through: absent, made up, expired, forged, unsigned. */
const BAD_TOKENS: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  // Those that cannot be a header value are sent as no header.
  anyString,
  fc.constantFrom(
    await staffToken('admin', { expiresIn: -300 }),
    await staffToken('admin', { forged: true }),
    await staffToken('admin', { groups: [] }),
    'eyJhbGciOiJub25lIn0.eyJzdWIiOiJhZG1pbiIsImNvZ25pdG86Z3JvdXBzIjpbImFkbWluIl19.',
    'Basic YWRtaW46YWRtaW4=',
    `${world.bookings[0]?.manageToken ?? 'x'}x`,
  ),
)

/** Real values for a path parameter: by its name (`{kind}`), else by the segment before it (`/bookings/{id}`). */
function realValues(path: string, name: string): string[] {
  const segment = path.split('/').at(path.split('/').indexOf(`{${name}}`) - 1) ?? ''
  return world.ids[name] ?? world.ids[segment] ?? Object.values(world.ids).flat()
}

/** A path parameter as it goes in the URL: usually encoded, sometimes raw (bad percent-escapes included). */
const rawOrEncoded = (value: string) =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constant(encode(value)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '%2F..%2F', '%00', `${encode(value)}%`),
    },
  )

function pathArbitrary(path: string, parameters: Parameter[], broken: boolean) {
  const names = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] as string)
  const schemaOf = (name: string) => parameters.find((p) => p.in === 'path' && p.name === name)?.schema ?? {}
  const good = (name: string) => {
    const real = realValues(path, name)
    return fc.oneof(
      { weight: real.length > 0 ? 4 : 0, arbitrary: fc.constantFrom(...(real.length > 0 ? real : ['x'])) },
      { weight: 1, arbitrary: valid(schemaOf(name)).map(asText) },
    )
  }
  // Refused by the schema, or well formed but naming nothing there is.
  const bad = (name: string) => {
    const schema = schemaOf(name)
    const real = realValues(path, name)
    const unknown = schema.enum
      ? []
      : [
          valid(schema)
            .map(asText)
            .filter((value) => !real.includes(value)),
        ]
    return fc.oneof(invalid(schema)?.map(asText) ?? anyString, ...unknown).chain(rawOrEncoded)
  }
  const spoilt = broken ? fc.constantFrom(...names) : fc.constant(undefined)
  return spoilt.chain((which) =>
    fc
      .tuple(
        ...names.map((name) =>
          name === which
            ? bad(name)
            : fc.oneof({ weight: 5, arbitrary: good(name).map(encode) }, { weight: 1, arbitrary: bad(name) }),
        ),
      )
      .map((values) => names.reduce((filled, name, i) => filled.replace(`{${name}}`, values[i] ?? ''), path)),
  )
}

function queryArbitrary(parameters: Parameter[]) {
  const query = parameters.filter((p) => p.in === 'query')
  const value = (p: Parameter) =>
    fc.oneof(
      valid(p.schema).map(asText),
      anyString,
      (invalid(p.schema) ?? anyString).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))),
    )
  return fc
    .tuple(
      ...query.map((p) => fc.option(value(p), { nil: undefined, freq: 2 }).map((v) => [p.name, v] as const)),
      fc.option(fc.tuple(anyString, anyString), { nil: undefined, freq: 3 }),
      fc.option(fc.constantFrom(...(query.length > 0 ? query.map((p) => p.name) : ['x'])), {
        nil: undefined,
        freq: 4,
      }),
    )
    .map((entries) => {
      const search = new URLSearchParams()
      for (const entry of entries.slice(0, query.length) as (readonly [string, string | undefined])[]) {
        if (entry[1] !== undefined) search.append(entry[0], entry[1])
      }
      const extra = entries[query.length] as [string, string] | undefined
      if (extra) search.append(extra[0], extra[1])
      // The same parameter twice, which a handler reading one value must survive.
      const twice = entries[query.length + 1] as string | undefined
      if (twice) search.append(twice, search.get(twice) ?? 'again')
      const text = search.toString()
      return text ? `?${text}` : ''
    })
}

function authArbitrary(operation: Operation, broken: boolean): fc.Arbitrary<string | undefined> {
  if (broken) return BAD_TOKENS
  const schemes = new Set((operation.security ?? []).flatMap((requirement) => Object.keys(requirement)))
  const staff = fc.constantFrom(STAFF.admin, STAFF.admin, STAFF.trainer, STAFF.la, STAFF.otherTrainer)
  const manage = fc.constantFrom(...world.bookings.map((b) => b.manageToken))
  const good = schemes.has('staffBearer') ? staff : schemes.has('manageToken') ? manage : BAD_TOKENS
  return fc.oneof(
    { weight: 5, arbitrary: good },
    { weight: 1, arbitrary: fc.oneof(staff, manage, BAD_TOKENS) },
  )
}

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8']
const OTHER_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  '',
]

/** Bodies no JSON schema accepts: not JSON at all, nested past reason, or over the 16 KB limit. */
const UNREADABLE_BODY = fc.oneof(
  fc.constantFrom(
    '{',
    '{"a":',
    '[1,2',
    'nul',
    '{"a":1,}',
    "{'a':1}",
    '\u0000',
    '',
    '{"__proto__":{"admin":true}}',
  ),
  anyString,
  fc.integer({ min: 1_000, max: 100_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  fc.integer({ min: 16 * 1024 + 1, max: 64 * 1024 }).map((n) => JSON.stringify({ name: 'x'.repeat(n) })),
)

function bodyArbitrary(
  method: string,
  operation: Operation,
  broken: boolean,
): fc.Arbitrary<{ body?: string; type?: string }> {
  const content = operation.requestBody?.content ?? {}
  const jsonSchema = content['application/json']?.schema
  const textType = Object.keys(content).find((type) => type !== 'application/json')
  if (textType) {
    return fc.record({
      body: fc.oneof(anyString, fc.constant('course,title\n,,,'), UNREADABLE_BODY),
      type: fc.constantFrom(textType, ...OTHER_TYPES),
    })
  }
  if (!jsonSchema) {
    if (broken) throw new Error('nothing to break in a request without a body')
    if (method === 'get') return fc.constant({})
    return fc.oneof(
      fc.constant({}),
      fc.record({ body: UNREADABLE_BODY, type: fc.constantFrom(...JSON_TYPES) }),
    )
  }
  const wrong = invalid(jsonSchema)
  const asJson = (value: fc.Arbitrary<unknown>) => value.map((v) => JSON.stringify(v) ?? 'undefined')
  const bad = fc.oneof(
    { weight: 6, arbitrary: wrong ? asJson(wrong) : UNREADABLE_BODY },
    { weight: 2, arbitrary: UNREADABLE_BODY },
    { weight: 1, arbitrary: asJson(deepNesting) },
  )
  const badBody = fc.record({ body: bad, type: fc.constantFrom(...JSON_TYPES) })
  // A valid body sent as something other than JSON is refused (415) before it is read.
  const mislabelled = fc.record({ body: asJson(valid(jsonSchema)), type: fc.constantFrom(...OTHER_TYPES) })
  if (broken) return fc.oneof({ weight: 5, arbitrary: badBody }, { weight: 1, arbitrary: mislabelled })
  return fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({ body: asJson(valid(jsonSchema)), type: fc.constantFrom(...JSON_TYPES) }),
    },
    { weight: 2, arbitrary: badBody },
    { weight: 1, arbitrary: mislabelled },
    { weight: 1, arbitrary: fc.constant({}) },
  )
}

function headerArbitrary(parameters: Parameter[]) {
  const headers = parameters.filter((p) => p.in === 'header')
  return fc
    .tuple(
      ...headers.map((p) =>
        fc
          .option(fc.oneof(valid(p.schema).map(asText), anyString), { nil: undefined, freq: 4 })
          .map((v) => [p.name, v] as const),
      ),
    )
    .map((entries) =>
      Object.fromEntries(
        entries.filter(
          (entry): entry is readonly [string, string] => entry[1] !== undefined && isHeaderValue(entry[1]),
        ),
      ),
    )
}

/**
 * Requests for one operation. A request that could change data (every method but GET) is broken
 * on purpose in at least one of its path, credentials or body, so none may succeed; GETs are sent
 * whole or broken alike.
 */
function requestArbitrary(method: string, path: string, operation: Operation): fc.Arbitrary<FuzzRequest> {
  const parameters = operation.parameters ?? []
  const breakable: string[] = []
  if (path.includes('{')) breakable.push('path')
  if (operation.security) breakable.push('auth')
  if (operation.requestBody?.content['application/json']) breakable.push('body')
  const mustBreak = method !== 'get'
  if (mustBreak && breakable.length === 0) throw new Error(`${method} ${path} offers nothing to break`)
  const broken = mustBreak ? fc.subarray(breakable, { minLength: 1 }) : fc.constant([] as string[])
  // Each part built once, whole and broken, and chosen per request.
  const paths = [false, true].map((spoil) =>
    spoil && !breakable.includes('path') ? undefined : pathArbitrary(path, parameters, spoil),
  )
  const auths = [false, true].map((spoil) => authArbitrary(operation, spoil))
  const bodies = [false, true].map((spoil) =>
    spoil && !breakable.includes('body') ? undefined : bodyArbitrary(method, operation, spoil),
  )
  const query = queryArbitrary(parameters)
  const headers = headerArbitrary(parameters)
  const pick = <T>(choices: (T | undefined)[], spoil: boolean): T => choices[spoil ? 1 : 0] as T
  return broken.chain((parts) =>
    fc
      .record({
        path: pick(paths, parts.includes('path')),
        query,
        auth: pick(auths, parts.includes('auth')),
        body: pick(bodies, parts.includes('body')),
        headers,
      })
      .map(({ path: filled, query, auth, body, headers }) => ({
        method: method.toUpperCase(),
        path: `${filled}${query}`,
        headers: {
          ...headers,
          ...(auth === undefined || !isHeaderValue(auth)
            ? {}
            : { Authorization: auth.startsWith('Basic') ? auth : `Bearer ${auth}` }),
          ...(body.type === undefined ? {} : { 'Content-Type': body.type }),
        },
        ...(body.body === undefined ? {} : { body: body.body }),
        broken: parts,
        [fc.toStringMethod]: () => describeRequest(method, `${filled}${query}`, body, parts),
      })),
  )
}

/** A value as query or path text. */
function asText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'undefined')
}

/** Percent-encoded; a lone surrogate (which cannot be) is sent as the replacement character. */
function encode(value: string): string {
  return encodeURIComponent(value.toWellFormed())
}

/** A counterexample short enough to read: huge paths and bodies cut. */
function describeRequest(
  method: string,
  path: string,
  { body, type }: { body?: string; type?: string },
  broken: string[],
): string {
  const cut = (text: string) =>
    text.length > 200 ? `${text.slice(0, 200)}… (${text.length} characters)` : text
  const sent = body === undefined ? 'none' : `${JSON.stringify(type ?? null)} ${cut(body)}`
  return `${method.toUpperCase()} ${cut(path)} broken: [${broken.join(', ')}] body: ${sent}`
}

function isHeaderValue(value: string): boolean {
  return /^[\t\x20-\x7e\x80-\xff]*$/.test(value) && value.trim() === value
}

async function send(app: TestApi['app'], request: FuzzRequest): Promise<Response> {
  return app.request(`http://localhost${request.path}`, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  })
}

const PROBLEM_FIELDS = ['type', 'title', 'status', 'detail', 'instance', 'code', 'errors']

/** What is wrong with an answer (an empty list when nothing is). */
async function faultsOf(request: FuzzRequest, response: Response): Promise<string[]> {
  const faults: string[] = []
  if (response.status >= 500) faults.push(`answered ${response.status}`)
  if (request.broken.length > 0 && response.status < 400)
    faults.push(`broken ${request.broken.join('+')} answered ${response.status}`)
  if (response.status < 400) {
    await response.body?.cancel()
    return faults
  }
  const type = response.headers.get('content-type') ?? ''
  if (!type.startsWith('application/problem+json')) faults.push(`error answered as ${type}`)
  const problem = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined
  if (!problem) return [...faults, 'error body is not JSON']
  const missing = PROBLEM_FIELDS.filter((field) => !(field in problem))
  if (missing.length > 0) faults.push(`problem lacks ${missing.join(', ')}`)
  if (problem.status !== response.status) faults.push(`problem status ${problem.status} ≠ ${response.status}`)
  const errors = problem.errors
  if (
    !Array.isArray(errors) ||
    errors.some((e) => typeof e?.field !== 'string' || typeof e?.message !== 'string')
  ) {
    faults.push('errors is not a list of { field, message }')
  }
  return faults
}

/** A hash of every item of the table but the volatile ones, in key order. */
async function dataHash(table: TestApi['table']): Promise<{ hash: string; items: string[] }> {
  const items: Record<string, unknown>[] = []
  let ExclusiveStartKey: Record<string, unknown> | undefined
  do {
    const page = await table.doc.send(
      new ScanCommand({ TableName: table.tableName, ExclusiveStartKey, ConsistentRead: true }),
    )
    items.push(...(page.Items ?? []))
    ExclusiveStartKey = page.LastEvaluatedKey
  } while (ExclusiveStartKey)
  const kept = items
    .filter((item) => !VOLATILE_PK_PREFIXES.some((prefix) => String(item.pk).startsWith(prefix)))
    .filter((item) => !VOLATILE_SKS.includes(String(item.sk)))
    .map((item) => stableJson(item))
    .sort()
  return { hash: createHash('sha256').update(kept.join('\n')).digest('hex'), items: kept }
}

function stableJson(value: unknown): string {
  if (value instanceof Set) return stableJson([...value].sort())
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`
  }
  return JSON.stringify(value) ?? 'undefined'
}

describe('every operation of the OpenAPI document under generated hostile requests', () => {
  it('covers every operation the document lists', () => {
    expect(operations.length).toBeGreaterThan(70)
  })

  it.each(operations.map((o) => [o.key, o] as const))(
    '%s: never 5xx, every error problem+json, no data changed',
    async (_key, { method, path, operation }) => {
      const before = await dataHash(api.table)
      await fc.assert(
        fc.asyncProperty(requestArbitrary(method, path, operation), async (request) => {
          const response = await send(api.app, request)
          const faults = await faultsOf(request, response)
          expect(faults, `${request.method} ${request.path.slice(0, 300)}`).toEqual([])
        }),
        { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
      )
      const after = await dataHash(api.table)
      // The items themselves are compared too, so a failure shows what changed.
      expect({
        hash: after.hash,
        added: after.items.filter((item) => !before.items.includes(item)),
        removed: before.items.filter((item) => !after.items.includes(item)),
      }).toEqual({ hash: before.hash, added: [], removed: [] })
    },
  )
})
