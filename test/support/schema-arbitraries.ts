import fc from 'fast-check'

/** The parts of JSON Schema (as the OpenAPI document writes it) that the arbitraries read. */
export interface JsonSchema {
  $ref?: string
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
}

type Components = Record<string, JsonSchema>

const JSON_TYPES = ['string', 'number', 'integer', 'boolean', 'null', 'array', 'object'] as const

/** Text that breaks naive handling: controls, right-to-left marks, astral planes, lone surrogates. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\u202e\u0041\u0042',
  '𝕳𝖊𝖑𝖑𝖔 👩‍👩‍👧‍👦',
  '\ud800',
  'Ω≈ç√∫˜µ≤≥÷',
  '../../etc/passwd',
  '%00%2e%2e%2f',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  '{"$ne":null}',
  'null',
  'NaN',
  '-1',
  '1e309',
  '9'.repeat(40),
]

/** Strings of every sort: short ones, unicode, the nasty list, and huge ones (up to 20,000 characters). */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'é', '𝕳', '\u0000', '%'), fc.integer({ min: 257, max: 20_000 }))
      .map(([unit, n]) => unit.repeat(n)),
  },
)

/** Arrays (or objects) nested `depth` deep: the shape that exhausts recursive parsers. */
function nested(arrays: boolean): fc.Arbitrary<unknown> {
  return fc.integer({ min: 50, max: 3_000 }).map((depth) => {
    let value: unknown = 'bottom'
    for (let i = 0; i < depth; i++) value = arrays ? [value] : { a: value }
    return value
  })
}

/** Arrays or objects nested deep. */
export const deepNesting: fc.Arbitrary<unknown> = fc.oneof(nested(true), nested(false))

/** A JSON value of one of the given JSON types. */
function ofType(type: string): fc.Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return anyString
    case 'number':
      // Not whole: a whole number would also be a valid integer.
      return fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Number.isInteger(n))
    case 'integer':
      return fc.oneof(fc.integer(), fc.constantFrom(0, -1, 2 ** 53, -(2 ** 31)))
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    case 'array':
      return fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }), nested(true))
    default:
      return fc.oneof(fc.dictionary(anyString, fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }), nested(false))
  }
}

/** Reads the schemas of an OpenAPI document into arbitraries of valid and of invalid values. */
export function schemaArbitraries(components: Components) {
  const resolve = (schema: JsonSchema): JsonSchema => {
    let current = schema
    while (current.$ref) {
      const name = current.$ref.replace('#/components/schemas/', '')
      const found = components[name]
      if (!found) throw new Error(`No schema ${current.$ref}`)
      current = { ...found, ...withoutRef(current) }
    }
    return current
  }

  /** The JSON types a value may have and still match (all of them when the schema does not say). */
  const typesOf = (input: JsonSchema): Set<string> => {
    const schema = resolve(input)
    const branches = schema.anyOf ?? schema.oneOf
    if (branches) return new Set(branches.flatMap((branch) => [...typesOf(branch)]))
    if (schema.enum) return new Set(schema.enum.map(jsonType))
    if (schema.const !== undefined) return new Set([jsonType(schema.const)])
    if (schema.type === undefined) return new Set(JSON_TYPES)
    const types = Array.isArray(schema.type) ? schema.type : [schema.type]
    // An integer is also a number, and a number may be integral.
    if (types.includes('number')) types.push('integer')
    return new Set(types)
  }

  // Arbitraries are built once per schema and depth: building one (a pattern's above all) costs more than drawing from it.
  const validCache = new Map<JsonSchema, fc.Arbitrary<unknown>[]>()
  const invalidCache = new Map<JsonSchema, (fc.Arbitrary<unknown> | undefined)[]>()
  const cached = <T>(cache: Map<JsonSchema, T[]>, input: JsonSchema, depth: number, build: () => T): T => {
    const byDepth = cache.get(input) ?? []
    cache.set(input, byDepth)
    if (!(depth in byDepth)) byDepth[depth] = build()
    return byDepth[depth] as T
  }

  const valid = (input: JsonSchema, depth = 0): fc.Arbitrary<unknown> =>
    cached(validCache, input, depth, () => buildValid(input, depth))

  const invalid = (input: JsonSchema, depth = 0): fc.Arbitrary<unknown> | undefined =>
    cached(invalidCache, input, depth, () => buildInvalid(input, depth))

  const buildValid = (input: JsonSchema, depth: number): fc.Arbitrary<unknown> => {
    const schema = resolve(input)
    const branches = schema.anyOf ?? schema.oneOf
    if (branches) return fc.oneof(...branches.map((branch) => valid(branch, depth)))
    if (schema.enum) return fc.constantFrom(...schema.enum)
    if (schema.const !== undefined) return fc.constant(schema.const)
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
    switch (type) {
      case 'string':
        return validString(schema)
      case 'integer':
      case 'number': {
        const min = schema.minimum ?? (schema.exclusiveMinimum ?? -1001) + 1
        const max = schema.maximum ?? (schema.exclusiveMaximum ?? 1001) - 1
        return type === 'integer'
          ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
          : fc.double({ min, max, noNaN: true })
      }
      case 'boolean':
        return fc.boolean()
      case 'null':
        return fc.constant(null)
      case 'array': {
        const minLength = schema.minItems ?? 0
        const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 3, depth > 2 ? minLength : 3))
        return fc.array(schema.items ? valid(schema.items, depth + 1) : fc.jsonValue({ maxDepth: 1 }), {
          minLength,
          maxLength,
        })
      }
      case 'object': {
        const properties = schema.properties ?? {}
        return fc.record(
          Object.fromEntries(Object.entries(properties).map(([name, s]) => [name, valid(s, depth + 1)])),
          { requiredKeys: (schema.required ?? []).filter((name) => name in properties) },
        )
      }
      default:
        return fc.jsonValue({ maxDepth: 2 })
    }
  }

  /**
   * A value the schema refuses for certain (none when it accepts anything): the wrong JSON type, a
   * required property missing, a string too long, too short, outside its enum or its pattern, a
   * number out of range or not whole, an array with too many or too few items; or, inside an
   * object or array, a valid value with one such fault somewhere within.
   */
  const buildInvalid = (input: JsonSchema, depth: number): fc.Arbitrary<unknown> | undefined => {
    const schema = resolve(input)
    const accepted = typesOf(schema)
    const wrongTypes = JSON_TYPES.filter((type) => !accepted.has(type))
    const options: fc.Arbitrary<unknown>[] = []
    if (wrongTypes.length > 0) options.push(fc.constantFrom(...wrongTypes).chain(ofType))
    const branches = schema.anyOf ?? schema.oneOf
    if (branches || accepted.size !== 1) return options.length > 0 ? fc.oneof(...options) : undefined
    if (schema.enum) {
      const allowed = new Set(schema.enum)
      options.push(anyString.filter((value) => !allowed.has(value)))
    }
    const type = [...accepted][0]
    if (type === 'string' && !schema.enum) options.push(...invalidStrings(schema))
    if (type === 'integer' || type === 'number') {
      if (schema.minimum !== undefined) options.push(fc.constant(schema.minimum - 1))
      if (schema.maximum !== undefined) options.push(fc.constantFrom(schema.maximum + 1, 1e308))
      if (type === 'integer') options.push(fc.constantFrom(0.5, 1.25))
    }
    if (type === 'array' && schema.items && depth < 4) {
      const items = schema.items
      if (schema.maxItems !== undefined) {
        options.push(
          fc.array(valid(items, depth + 1), {
            minLength: schema.maxItems + 1,
            maxLength: schema.maxItems + 3,
          }),
        )
      }
      if ((schema.minItems ?? 0) > 0) options.push(fc.constant([]))
      const bad = invalid(items, depth + 1)
      if (bad) {
        const minLength = Math.max(0, (schema.minItems ?? 1) - 1)
        options.push(
          fc
            .tuple(fc.array(valid(items, depth + 1), { minLength, maxLength: minLength + 1 }), bad)
            .map(([good, wrong]) => [...good, wrong]),
        )
      }
    }
    if (type === 'object' && depth < 4) {
      const required = (schema.required ?? []).filter((name) => name in (schema.properties ?? {}))
      if (required.length > 0) {
        options.push(
          fc
            .tuple(valid(schema, depth), fc.constantFrom(...required))
            .map(([value, name]) => omit(value as Record<string, unknown>, name)),
        )
      }
      const breakable = Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
        const bad = invalid(property, depth + 1)
        return bad ? [[name, bad] as const] : []
      })
      if (breakable.length > 0) {
        options.push(
          fc
            .tuple(
              valid(schema, depth),
              fc.oneof(...breakable.map(([name, bad]) => bad.map((v) => [name, v] as const))),
            )
            .map(([value, [name, wrong]]) => ({ ...(value as object), [name]: wrong })),
        )
      }
    }
    return options.length > 0 ? fc.oneof(...options) : undefined
  }

  return { valid, invalid, resolve }
}

function validString(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 40, 40))
  if (schema.pattern) {
    return fc
      .stringMatching(new RegExp(patternOf(schema.pattern).source))
      .filter((value) => value.length <= (schema.maxLength ?? Infinity))
  }
  switch (schema.format) {
    case 'email':
      return fc.emailAddress().filter((value) => value.length <= (schema.maxLength ?? 254))
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10))
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString())
    default:
      return fc.string({ minLength, maxLength })
  }
}

function invalidStrings(schema: JsonSchema): fc.Arbitrary<unknown>[] {
  const options: fc.Arbitrary<unknown>[] = []
  if (schema.maxLength !== undefined) {
    const max = schema.maxLength
    options.push(
      fc
        .tuple(fc.constantFrom('x', 'é', '𝕳'), fc.integer({ min: max + 1, max: max + 5_000 }))
        .map(([unit, n]) =>
          // Astral characters count two UTF-16 units: repeat enough of them to pass `maxLength` either way.
          unit.repeat(n),
        ),
    )
  }
  if ((schema.minLength ?? 0) > 0) options.push(fc.constant(''))
  if (schema.pattern) {
    const pattern = patternOf(schema.pattern)
    options.push(anyString.filter((value) => !pattern.test(value)))
  }
  if (schema.format === 'email') options.push(fc.constantFrom('not-an-address', '@', 'a@', 'a b@c.d'))
  if (schema.format === 'date' || schema.format === 'date-time') {
    options.push(
      fc.constantFrom('2026-02-30', '2026-13-01', 'tomorrow', '26/03/2026', '2026-03-01T25:00:00Z'),
    )
  }
  return options
}

/** The pattern as a RegExp; zod writes a flagged pattern as `source/flags` in some documents. */
function patternOf(pattern: string): RegExp {
  const [, source, flags] = /^(\^.*\\\/)\/([a-z]+)$/.exec(pattern) ?? []
  return source ? new RegExp(source, flags) : new RegExp(pattern)
}

function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number'
  return typeof value
}

function withoutRef(schema: JsonSchema): JsonSchema {
  const { $ref: _ref, ...rest } = schema
  return rest
}

function omit(value: Record<string, unknown>, name: string): Record<string, unknown> {
  const { [name]: _gone, ...rest } = value
  return rest
}
