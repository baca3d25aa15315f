import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { isBuiltin } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { type OutgoingEmail, UndeliverableAddressSchema } from '@ey/domain'
import { BUNDLE_BUDGETS, FUNCTION_ENTRIES, type FunctionName, REPO_ROOT } from '@ey/infra'
import { type Bundle, bundleFunction } from '@ey/infra/bundle'
import { composeRawEmail } from '@ey/mail'
import { afterAll, describe, expect, it } from 'vitest'
import { bundledAnswers } from '../support/bundled-handler.ts'
import { makeBooking, partAt } from '../support/factories.ts'
import { pdfText } from '../support/pdf-text.ts'

const out = mkdtempSync(join(tmpdir(), 'ey-bundles-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

// Each function bundled once, for every test that looks at it.
const bundles = new Map<FunctionName, Promise<Bundle>>()
const bundleOf = (name: FunctionName) => {
  const bundle = bundles.get(name) ?? bundleFunction(FUNCTION_ENTRIES[name], join(out, name))
  bundles.set(name, bundle)
  return bundle
}

describe('the function bundles', () => {
  it.each(Object.keys(FUNCTION_ENTRIES) as FunctionName[])(
    '%s stays within its budget (what a cold start loads), bundled as the CDK app bundles it',
    async (name) => {
      const { bytes } = await bundleOf(name)
      expect(bytes).toBeGreaterThan(10_000)
      expect(bytes, `${name} is ${bytes} bytes; its budget is ${BUNDLE_BUDGETS[name]}`).toBeLessThanOrEqual(
        BUNDLE_BUDGETS[name],
      )
    },
    60_000,
  )

  it('leave out of the API’s cold start what only some routes use: S3 (materials), Cognito (invitations), the calendar file and the certificate PDF', async () => {
    const { startInputs } = await bundleOf('api')
    const routeOnly =
      /node_modules\/(@aws-sdk\/(client-s3|s3-request-presigner|client-cognito-identity-provider)|ical-generator|@touch4it\/ical-timezones|pdf-lib)\//
    expect(startInputs.filter((input) => routeOnly.test(input))).toEqual([])
    // What it does load: the platform's own AWS client, so the test would see the AWS calls at all.
    expect(startInputs.some((input) => input.includes('packages/aws-http/src/service.ts'))).toBe(true)
  }, 60_000)

  it('leave out of the API’s cold start all but a practitioner’s first steps: the staff routes, a booking’s later steps, their stores, the token checks (jose) and CSV come with the first request that needs them', async () => {
    const { startInputs, allInputs } = await bundleOf('api')
    const later =
      /functions\/api\/src\/(routes\/(admin|trainer|la|la-downloads|staff|staff-results|materials|booking-later-steps|booking-move|booking-attendance|booking-questionnaires|certificates)\.ts|auth\/staff-verifier\.ts|app\.ts|wire-api\.ts)$|packages\/dynamodb\/src\/(register-repository|personal-data-store|take-up-stats|take-up-apply|access-audit|questionnaire-store|certificate-store)\.ts$|packages\/runtime\/src\/(adapters|wire)\.ts$|node_modules\/(jose|csv-parse|csv-stringify)\//
    expect(startInputs.filter((input) => later.test(input))).toEqual([])
    // Still in the bundle, in the chunks the first such request loads.
    expect(allInputs.filter((input) => later.test(input)).length).toBeGreaterThanOrEqual(20)
    // The first steps are at start.
    expect(startInputs).toEqual(
      expect.arrayContaining([
        'functions/api/src/routes/sessions.ts',
        'functions/api/src/routes/bookings.ts',
        'packages/dynamodb/src/booking-repository.ts',
      ]),
    )
  }, 60_000)

  it.each(['mail', 'jobs'] as const)(
    '%s loads the calendar file’s library (ical-generator) only with the first email that carries one',
    async (name) => {
      const { startInputs, allInputs } = await bundleOf(name)
      const calendar = /node_modules\/(ical-generator|@touch4it\/ical-timezones)\//
      expect(startInputs.filter((input) => calendar.test(input))).toEqual([])
      expect(allInputs.some((input) => calendar.test(input))).toBe(true)
    },
    60_000,
  )

  it.each([
    ['mail', ['personal-data-store']],
    ['jobs', []],
  ] as const)(
    '%s holds only the stores its handler uses (its composition root wires no other)',
    async (name, alsoUnused) => {
      const { allInputs } = await bundleOf(name)
      // Neither function reads LA take-up, the access audit, rate limits, wrong codes, certificates,
      // LAs' bookings or the mail audit; mail erases nothing either (the retention job does).
      const unused = [
        'take-up-stats',
        'take-up-apply',
        'access-audit',
        'rate-limiter',
        'code-attempt-store',
        'certificate-store',
        'la-bookings',
        'mail-audit',
        ...alsoUnused,
      ].map((store) => `packages/dynamodb/src/${store}.ts`)
      expect(allInputs.filter((input) => unused.some((store) => input.endsWith(store)))).toEqual([])
      // What it does hold: the outbox, which both send from.
      expect(allInputs.some((input) => input.endsWith('packages/dynamodb/src/outbox-store.ts'))).toBe(true)
    },
    60_000,
  )

  it.each(Object.keys(FUNCTION_ENTRIES) as FunctionName[])(
    '%s holds no HTTP client of nodemailer’s (attachments fetched by URL, which the platform never sends)',
    async (name) => {
      const { allInputs } = await bundleOf(name)
      // nodemailer's own fetch imports its cookie jar; the stand-in of `nodemailerFetchLeftOut` imports nothing.
      const fetch = /nodemailer\/dist\/esm\/fetch\/(?!index\.js$)/
      expect(allInputs.filter((input) => fetch.test(input))).toEqual([])
    },
    60_000,
  )

  it.each(['mail', 'jobs'] as const)(
    '%s loads the MIME composer (nodemailer) with the first email it sends, with a fetch that throws, naming the plugin that left it out',
    async (name) => {
      const { path, startInputs, allInputs } = await bundleOf(name)
      const composer = (input: string) => input.includes('nodemailer/dist/esm/mime-node/')
      expect(startInputs.some(composer)).toBe(false)
      expect(allInputs.some(composer)).toBe(true)
      const start = readFileSync(path, 'utf8')
      const chunks = readdirSync(join(dirname(path), 'chunks')).map((file) =>
        readFileSync(join(dirname(path), 'chunks', file), 'utf8'),
      )
      expect([start, ...chunks].some((text) => text.includes('nodemailerFetchLeftOut'))).toBe(true)
    },
    60_000,
  )

  it.each(Object.keys(FUNCTION_ENTRIES) as FunctionName[])(
    '%s loads no AWS SDK client at start: DynamoDB, SES and Secrets Manager are called through the platform’s own clients (`@ey/aws-http`)',
    async (name) => {
      const { startInputs } = await bundleOf(name)
      // util-dynamodb is AWS's marshalling of items alone (no client); S3 and Cognito are the API's lazy chunks'.
      const sdk = /node_modules\/(@aws-sdk\/(?!util-dynamodb\/)|@smithy\/|@aws-crypto\/)/
      expect(startInputs.filter((input) => sdk.test(input))).toEqual([])
      expect(startInputs.some((input) => input.includes('packages/aws-http/src/service.ts'))).toBe(true)
    },
    60_000,
  )

  it.each(['mail', 'jobs'] as const)(
    '%s imports node:http without loading undici: Node built-ins come in by require(), so Node makes no ESM facade that reads every export',
    async (name) => {
      const { path } = await bundleOf(name)
      // A fresh Node with no configuration: these handlers read theirs on the first event.
      const loaded = execFileSync(
        process.execPath,
        [
          '--input-type=module',
          '-e',
          `await import(${JSON.stringify(path)}); process.stdout.write(JSON.stringify(process.moduleLoadList))`,
        ],
        { env: { PATH: process.env.PATH }, encoding: 'utf8' },
      )
      const modules = JSON.parse(loaded) as string[]
      expect(modules).toContain('NativeModule http')
      expect(modules.filter((module) => module.includes('undici'))).toEqual([])
    },
    60_000,
  )

  it.each(Object.keys(FUNCTION_ENTRIES) as FunctionName[])(
    '%s imports no built-in with import(), which would make the facade later (the SDK imports node:http so on its first request)',
    async (name) => {
      const { path } = await bundleOf(name)
      const files = readdirSync(dirname(path), { recursive: true, encoding: 'utf8' })
      const builtinImports = files
        .filter((file) => file.endsWith('.mjs'))
        .flatMap((file) => [
          ...readFileSync(join(dirname(path), file), 'utf8').matchAll(/import\(\s*"([^"]+)"\s*\)/g),
        ])
        .map((match) => match[1] ?? '')
        .filter((specifier) => isBuiltin(specifier))
      expect(builtinImports).toEqual([])
    },
    60_000,
  )

  it('write a calendar file with London’s VTIMEZONE, as the confirmation emails and the calendar route do (the zone package reads its files from its own folder, which a bundle has not)', async () => {
    const booking = makeBooking()
    const ics = await runBundled(
      'packages/mail/src/calendar.ts',
      'bookingCalendar',
      "(booking) => bookingCalendar(booking, { bookingPageUrl: 'https://example.org/booking', domain: 'example.org' })",
      booking,
    )
    expect(ics).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/London')
    expect(ics).toContain('TZNAME:BST')
    expect(ics).toMatch(/DTSTART;TZID=Europe\/London:\d{8}T\d{6}/)
  }, 60_000)

  it('compose an email with its calendar file as the mail function does, part for part as the sources do (nodemailer’s tables of file types are trimmed in a bundle)', async () => {
    const email: OutgoingEmail = {
      to: 'Zoë Example <zoe@example.org>',
      subject: 'Booking confirmed: Sensory play — Thursday 4 March',
      text: 'You are booked.\n\nManage your booking: https://example.org/manage',
      html: '<p>You are booked.</p>',
      headers: { 'List-Unsubscribe': '<https://example.org/unsubscribe>' },
      attachments: [
        {
          filename: 'invite.ics',
          contentType: 'text/calendar; charset=utf-8; method=REQUEST',
          content: 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n',
        },
      ],
    }
    const options = { from: 'Early Years SEND Training <training@example.org>' }
    const bundled = await runBundled(
      'packages/mail/src/compose.ts',
      'composeRawEmail',
      `async (email) => (await composeRawEmail(email, ${JSON.stringify(options)})).toString('utf8')`,
      email,
    )
    // Boundaries, the message's id and its date differ from one composition to the next.
    const comparable = (raw: string) =>
      raw
        .replace(/--_NmP-[\w-]+/g, '--boundary')
        .replace(/boundary="[^"]+"/g, 'boundary')
        .replace(/^Message-ID: .*$/m, '')
        .replace(/^Date: .*$/m, '')
    expect(comparable(bundled)).toBe(comparable((await composeRawEmail(email, options)).toString('utf8')))
    expect(bundled).toContain('Content-Type: text/calendar; charset=utf-8; method=REQUEST; name=invite.ics')
  }, 60_000)

  it('validate with zod as the sources do, English messages and all, while converting a schema to JSON Schema (which no function does) is refused by name', async () => {
    const bad = { id: 'x', address: 'someone@example.org', reason: 'spam', detail: 'General', at: 'Tuesday' }
    const answer = JSON.parse(
      await runBundled(
        'packages/domain/src/mail-feedback.ts',
        'UndeliverableAddressSchema',
        `(input) => {
          const parsed = UndeliverableAddressSchema.safeParse(input)
          let conversion = 'converted'
          try { UndeliverableAddressSchema.toJSONSchema() } catch (error) { conversion = error.message }
          return JSON.stringify({ issues: parsed.error?.issues, conversion })
        }`,
        bad,
      ),
    ) as { issues: unknown; conversion: string }
    expect(answer.issues).toEqual(
      JSON.parse(JSON.stringify(UndeliverableAddressSchema.safeParse(bad).error?.issues)),
    )
    expect(answer.issues).toHaveLength(2)
    expect(answer.conversion).toContain('zodJsonSchemaLeftOut')
  }, 60_000)

  it('make a certificate PDF with its fonts, as the certificate route does', async () => {
    const certificate = {
      code: '0A1B-2C3D-4E5F',
      bookingId: 'booking-1',
      name: 'Łukasz Wójcik',
      course: 'Sensory play for every child',
      parts: [partAt('2026-03-04T16:00:00Z')],
      cpdHours: 1.5,
      partner: 'Talking Together',
    }
    const pdf = Buffer.from(
      await runBundled(
        'functions/api/src/certificate-pdf.ts',
        'certificatePdf',
        "async (certificate) => Buffer.from(await certificatePdf(certificate, 'https://example.org')).toString('base64')",
        certificate,
      ),
      'base64',
    )
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    expect(await pdfText(pdf)).toContain('Lukasz Wójcik')
  }, 60_000)
})

/**
 * Bundles a module as the functions are bundled, with a handler (`call`, source text using the
 * module's export `name`) that it runs on `input` in a fresh Node with no configuration, and answers
 * what the handler returned: what a function would do with it in AWS.
 */
async function runBundled(module: string, name: string, call: string, input: unknown): Promise<string> {
  const dir = join(out, `run-${name}`)
  const entry = `${dir}-entry.ts`
  writeFileSync(
    entry,
    `import { ${name} } from ${JSON.stringify(join(REPO_ROOT, module))}\nexport const handler = ${call}\n`,
  )
  const { path } = await bundleFunction(entry, dir)
  const [answer] = await bundledAnswers(path, [input], { PATH: process.env.PATH })
  return String(answer)
}
