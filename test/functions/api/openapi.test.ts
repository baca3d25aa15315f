import SwaggerParser from '@apidevtools/swagger-parser'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestApi } from './support.ts'

interface Operation {
  description?: string
  parameters?: { name: string; in: string; required?: boolean; description?: string; schema?: object }[]
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> }
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }>; headers?: object }>
  security?: object[]
}
type Document = {
  openapi: string
  info: { title: string; version: string }
  servers: { url: string }[]
  paths: Record<string, Record<string, Operation>>
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> }
}

const OPERATIONS = [
  ['get', '/api/health', '200', 'Health'],
  ['get', '/api/courses', '200', 'CourseList'],
  ['get', '/api/courses/{id}', '200', 'Course'],
  ['get', '/api/sessions', '200', 'SessionPage'],
  ['get', '/api/sessions/{id}', '200', 'Session'],
  ['post', '/api/sessions/{id}/bookings', '202', 'BookingReceived'],
  ['get', '/api/bookings/{id}', '200', 'Booking'],
  ['delete', '/api/bookings/{id}', '200', 'Booking'],
  ['post', '/api/bookings/{id}/offer/accept', '200', 'Booking'],
  ['post', '/api/bookings/{id}/offer/decline', '200', 'Booking'],
  ['post', '/api/bookings/{id}/la-sharing/withdraw', '200', 'Booking'],
  ['post', '/api/bookings/{id}/la-sharing/agree', '200', 'Booking'],
  ['get', '/api/bookings/{id}/move-options', '200', 'MoveOptions'],
  ['post', '/api/bookings/{id}/move', '201', 'NewBooking'],
  ['post', '/api/bookings/lookup', '202', 'BookingLookupAnswer'],
  ['post', '/api/courses/{id}/alerts', '202', 'InterestAlertAnswer'],
  ['post', '/api/alerts/{id}/stop', '200', 'AlertStopped'],
  ['get', '/api/bookings/{id}/attendance', '200', 'AttendanceSummary'],
  ['post', '/api/bookings/{id}/check-in', '200', 'CheckedIn'],
  ['get', '/api/bookings/{id}/certificate', '200', 'CertificateOffer'],
  ['get', '/api/certificates/{code}', '200', 'CertificateVerification'],
  ['get', '/api/bookings/{id}/questionnaires', '200', 'QuestionnaireList'],
  ['get', '/api/bookings/{id}/questionnaires/{kind}', '200', 'QuestionnaireView'],
  ['put', '/api/bookings/{id}/questionnaires/{kind}', '200', 'Answered'],
  ['get', '/api/trainer/sessions', '200', 'MySessions'],
  ['get', '/api/trainer/sessions/{id}/parts/{part}/register', '200', 'Register'],
  ['post', '/api/trainer/sessions/{id}/parts/{part}/register/changes', '200', 'Register'],
  ['post', '/api/trainer/sessions/{id}/parts/{part}/register/code', '200', 'AttendanceCode'],
  [
    'post',
    '/api/trainer/sessions/{id}/parts/{part}/register/participant-report',
    '200',
    'ParticipantReportMatching',
  ],
  ['post', '/api/admin/sessions/{id}/register/reopen', '200', 'RegisterReopened'],
  ['post', '/api/admin/sessions/import/preview', '200', 'SessionImportPreview'],
  ['post', '/api/admin/sessions/import', '201', 'SessionImportResult'],
  ['get', '/api/admin/partners', '200', 'PartnerList'],
  ['post', '/api/admin/partners', '201', 'Partner'],
  ['put', '/api/admin/partners/{id}', '200', 'Partner'],
  ['get', '/api/admin/courses', '200', 'AdminCourseList'],
  ['post', '/api/admin/courses', '201', 'CourseInput'],
  ['put', '/api/admin/courses/{id}', '200', 'CourseInput'],
  ['get', '/api/admin/questionnaires', '200', 'TemplateList'],
  ['post', '/api/admin/questionnaires', '201', 'TemplateView'],
  ['get', '/api/admin/questionnaires/{id}', '200', 'TemplateView'],
  ['put', '/api/admin/questionnaires/{id}', '200', 'TemplateView'],
  ['get', '/api/admin/questionnaires/{id}/versions', '200', 'TemplateVersionList'],
  ['put', '/api/admin/courses/{courseId}/questionnaires/{kind}', '200', 'CourseTemplates'],
  ['get', '/api/admin/sessions', '200', 'AdminSessionList'],
  ['post', '/api/admin/sessions', '201', 'AdminSession'],
  ['get', '/api/admin/sessions/{id}', '200', 'AdminSession'],
  ['put', '/api/admin/sessions/{id}', '200', 'AdminSession'],
  ['post', '/api/admin/sessions/{id}/capacity', '200', 'AdminSession'],
  ['post', '/api/admin/sessions/{id}/publish', '200', 'AdminSession'],
  ['post', '/api/admin/sessions/{id}/unpublish', '200', 'AdminSession'],
  ['post', '/api/admin/sessions/{id}/cancel', '200', 'SessionCancelled'],
  ['get', '/api/staff/me', '200', 'StaffPrincipal'],
  ['get', '/api/staff/results', '200', 'Results'],
  ['get', '/api/la/{code}/summary', '200', 'LaSummary'],
  ['get', '/api/auth/config', '200', 'StaffSignInConfig'],
  ['post', '/api/auth/token', '200', 'StaffToken'],
  ['get', '/api/admin/staff', '200', 'StaffList'],
  ['post', '/api/admin/staff', '201', 'StaffMember'],
  ['get', '/api/admin/mail', '200', 'MailReview'],
  ['get', '/api/admin/audit', '200', 'AuditList'],
  ['post', '/api/admin/subject-access/export', '200', 'SubjectExport'],
  ['post', '/api/admin/subject-access/erase', '200', 'SubjectErased'],
  ['post', '/api/admin/mail/emails/{id}/resend', '200', 'MailResent'],
  ['delete', '/api/admin/mail/undeliverable/{id}', '200', 'UndeliverableAddress'],
  ['get', '/api/admin/national', '200', 'NationalSummary'],
  ['get', '/api/admin/settings', '200', 'AdminSettings'],
  ['get', '/api/bookings/{id}/materials', '200', 'BookingMaterials'],
  ['get', '/api/courses/{id}/materials', '200', 'MaterialList'],
  ['get', '/api/trainer/sessions/{id}/materials', '200', 'MaterialList'],
  ['post', '/api/trainer/sessions/{id}/materials/links', '201', 'Material'],
  ['post', '/api/trainer/sessions/{id}/materials/uploads', '200', 'MaterialUploadTicket'],
  ['post', '/api/trainer/sessions/{id}/materials/files', '201', 'Material'],
  ['get', '/api/admin/courses/{id}/materials', '200', 'MaterialList'],
  ['post', '/api/admin/courses/{id}/materials/links', '201', 'Material'],
  ['post', '/api/admin/courses/{id}/materials/uploads', '200', 'MaterialUploadTicket'],
  ['post', '/api/admin/courses/{id}/materials/files', '201', 'Material'],
] as const

/** Operations answering 204 with no body on success (method, path). */
const NO_CONTENT_OPERATIONS = [
  ['delete', '/api/trainer/sessions/{id}/materials/{materialId}'],
  ['delete', '/api/admin/courses/{id}/materials/{materialId}'],
] as const

/** Operations answering something other than JSON on success (method, path, media type). */
const FILE_OPERATIONS = [
  ['get', '/api/bookings/{id}/calendar', 'text/calendar'],
  ['get', '/api/bookings/{id}/certificate.pdf', 'application/pdf'],
  ['get', '/api/admin/sessions/import/template.csv', 'text/csv'],
  ['get', '/api/la/{code}/attendees.csv', 'text/csv'],
  ['get', '/api/la/{code}/summary.csv', 'text/csv'],
  ['get', '/api/admin/national.csv', 'text/csv'],
] as const

describe('GET /api/openapi.json', () => {
  let doc: Document
  let text: string
  const operation = (path: string, method: string) => doc.paths[path]?.[method] as Operation

  beforeAll(async () => {
    const { app } = await createTestApi()
    const res = await app.request('/api/openapi.json')
    expect(res.status).toBe(200)
    text = await res.text()
    doc = JSON.parse(text)
  })

  it('is an OpenAPI 3.1 document with a title, a version and the site-relative server', () => {
    expect(doc.openapi).toBe('3.1.0')
    expect(doc.info).toMatchObject({ title: expect.any(String), version: '1.0.0' })
    expect(doc.servers).toEqual([{ url: '/' }])
  })

  it('passes a standard OpenAPI 3.1 validator whole, so generated clients can read it', async () => {
    await expect(SwaggerParser.validate(JSON.parse(text))).resolves.toMatchObject({ openapi: '3.1.0' })
  })

  it('declares every path parameter required and never null', () => {
    const pathParameters = Object.values(doc.paths)
      .flatMap((ops) => Object.values(ops))
      .flatMap((op) => op.parameters ?? [])
      .filter((parameter) => parameter.in === 'path')
    expect(pathParameters.length).toBeGreaterThan(0)
    for (const parameter of pathParameters) {
      expect(parameter, parameter.name).toMatchObject({ required: true })
      expect(JSON.stringify(parameter.schema), parameter.name).not.toContain('null')
    }
  })

  it('lists every path and method of the API, and no other', () => {
    const listed = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    )
    expect(listed.sort()).toEqual(
      [...OPERATIONS, ...FILE_OPERATIONS, ...NO_CONTENT_OPERATIONS]
        .map(([method, path]) => `${method} ${path}`)
        .sort(),
    )
  })

  it.each(OPERATIONS)(
    'describes %s %s with its %s schema and problem+json errors',
    (method, path, status, schema) => {
      const { responses } = operation(path, method)
      expect(responses[status]?.content?.['application/json']?.schema.$ref).toBe(
        `#/components/schemas/${schema}`,
      )
      for (const [code, response] of Object.entries(responses)) {
        if (Number(code) >= 400) {
          expect(response.content?.['application/problem+json']?.schema.$ref).toBe(
            '#/components/schemas/Problem',
          )
        }
      }
      expect(doc.components.schemas).toHaveProperty(schema)
    },
  )

  it.each(FILE_OPERATIONS)('describes %s %s as answering %s', (method, path, mediaType) => {
    expect(operation(path, method).responses['200']?.content).toHaveProperty([mediaType])
  })

  it.each(NO_CONTENT_OPERATIONS)('describes %s %s as answering 204 with no body', (method, path) => {
    expect(operation(path, method).responses['204']).toEqual({ description: expect.any(String) })
  })

  it('documents the booking request: its body, the required Idempotency-Key, and one answer for new and existing bookings', () => {
    const booking = operation('/api/sessions/{id}/bookings', 'post')
    expect(booking.requestBody?.content['application/json']?.schema.$ref).toBe(
      '#/components/schemas/BookingRequest',
    )
    expect(booking.parameters).toContainEqual(
      expect.objectContaining({ name: 'Idempotency-Key', in: 'header', required: true }),
    )
    expect(booking.responses['201']).toBeUndefined()
    expect(booking.responses['202']?.headers).toBeUndefined()
    expect(booking.description).toContain('already holds a live booking')
    expect(doc.components.schemas.BookingReceived).toMatchObject({ required: ['sessionId', 'emailedTo'] })
    expect(Object.keys(booking.responses)).toEqual(
      expect.arrayContaining(['400', '403', '404', '409', '413', '415', '422', '503']),
    )
    expect(doc.components.schemas.BookingRequest).toMatchObject({
      required: expect.arrayContaining([
        'name',
        'email',
        'role',
        'settingName',
        'settingType',
        'laCode',
        'shareWithLa',
      ]),
      properties: { ofstedUrn: { type: 'string', pattern: '^\\d{6,7}$' } },
    })
    expect(doc.components.schemas.BookingRequest).not.toMatchObject({
      required: expect.arrayContaining(['ofstedUrn']),
    })
  })

  it('documents every listing filter, and how the local-authority filter treats venues', () => {
    const parameters = operation('/api/sessions', 'get').parameters ?? []
    expect(parameters.map((p) => p.name)).toEqual([
      'from',
      'to',
      'course',
      'topic',
      'format',
      'twilight',
      'la',
      'available',
      'limit',
      'cursor',
    ])
    expect(parameters.find((p) => p.name === 'la')?.description).toMatch(/same region/)
  })

  it('leaves "find my bookings" open to anyone', () => {
    expect(doc.paths['/api/bookings/lookup']?.post?.security).toBeUndefined()
  })

  it('leaves asking for an interest alert open to anyone, and stops one by its stop token', () => {
    expect(doc.paths['/api/courses/{id}/alerts']?.post?.security).toBeUndefined()
    expect(doc.components.securitySchemes.alertStopToken).toMatchObject({ type: 'http', scheme: 'bearer' })
    const stop = operation('/api/alerts/{id}/stop', 'post')
    expect(stop.security).toEqual([{ alertStopToken: [] }])
    expect(stop.parameters).toContainEqual(expect.objectContaining({ name: 'token', in: 'query' }))
  })

  it('puts the booking management routes behind the manage-token bearer scheme', () => {
    expect(doc.components.securitySchemes.manageToken).toMatchObject({ type: 'http', scheme: 'bearer' })
    const operations = [...OPERATIONS, ...FILE_OPERATIONS]
    // Every booking route but "find my bookings", which anyone may ask (it answers only by email).
    const managed = operations.filter(([, path]) => path.startsWith('/api/bookings/{id}'))
    expect(managed.length).toBeGreaterThan(0)
    for (const [method, path] of managed) {
      expect(doc.paths[path]?.[method]?.security).toEqual([{ manageToken: [] }])
    }
  })
  it('describes staff tokens as a JWT bearer scheme, and keeps the sign-in routes open', () => {
    expect(doc.components.securitySchemes.staffBearer).toMatchObject({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    })
    expect(doc.paths['/api/staff/me']?.get?.security).toEqual([{ staffBearer: [] }])
    expect(doc.paths['/api/auth/config']?.get?.security).toBeUndefined()
    expect(doc.paths['/api/auth/token']?.post?.security).toBeUndefined()
  })
})
