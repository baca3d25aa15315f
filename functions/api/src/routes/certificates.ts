import {
  CertificateCodeParamSchema,
  CertificateOfferViewSchema,
  CertificateVerificationSchema,
  IdParamSchema,
} from '@ey/contract'
import { issueCertificate, offerCertificate, verifyCertificate } from '@ey/domain'
import { londonDates } from '@ey/presentation'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import * as z from 'zod'
import type { ApiDeps } from '../api-deps.ts'
import { bearerToken } from '../auth/manage-token.ts'
import { problems } from '../openapi.ts'
import { router } from '../validation.ts'

/**
 * A booking's certificate of attendance, opened by its manage token:
 * `GET /api/bookings/{id}/certificate` (offered, or what it needs) and `…/certificate.pdf`.
 */
export function bookingCertificateRoutes(deps: ApiDeps): OpenAPIHono {
  const app = router()
  app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/certificate',
      tags: ['bookings'],
      summary: 'Whether the certificate of attendance is offered, and if not, what it needs',
      security: [{ manageToken: [] }],
      request: { params: IdParamSchema },
      responses: {
        200: {
          description: 'The certificate’s status',
          content: { 'application/json': { schema: CertificateOfferViewSchema } },
        },
        ...problems(400, 401, 404, 410),
      },
    }),
    async (c) => {
      const token = bearerToken(c.req.header('Authorization'))
      const offer = await offerCertificate(deps, c.req.valid('param').id, token)
      const body = offer.certificate
        ? { status: offer.status, code: offer.certificate.code }
        : { status: offer.status }
      return c.json(body, 200, { 'Cache-Control': 'private, no-store' })
    },
  )
  return app.openapi(
    createRoute({
      method: 'get',
      path: '/{id}/certificate.pdf',
      tags: ['bookings'],
      summary: 'The certificate of attendance as a PDF, once offered (409 saying what is needed before)',
      security: [{ manageToken: [] }],
      request: { params: IdParamSchema },
      responses: {
        200: {
          description: 'The certificate: name, course, dates, CPD hours, partner and verification code',
          content: { 'application/pdf': { schema: z.string().meta({ format: 'binary' }) } },
        },
        ...problems(400, 401, 404, 409, 410),
      },
    }),
    async (c) => {
      const token = bearerToken(c.req.header('Authorization'))
      const certificate = await issueCertificate(deps, c.req.valid('param').id, token)
      // Loaded on the first certificate only: pdf-lib and its fonts are a chunk of their own, so the
      // API's cold start does not load them (see `infra/lib/bundling.ts`).
      const { certificatePdf } = await import('../certificate-pdf.ts')
      const pdf = await certificatePdf(certificate, deps.siteUrl)
      return c.body(pdf.slice().buffer, 200, {
        'Content-Type': 'application/pdf',
        'Content-Disposition': `attachment; filename="certificate-${certificate.code}.pdf"`,
        'Cache-Control': 'private, no-store',
      })
    },
  )
}

/** `GET /api/certificates/{code}`: checks a verification code; public, showing name, course and dates only. */
export function certificateRoutes(deps: ApiDeps): OpenAPIHono {
  return router().openapi(
    createRoute({
      method: 'get',
      path: '/{code}',
      tags: ['certificates'],
      summary: 'Verify a certificate of attendance by its code',
      request: { params: CertificateCodeParamSchema },
      responses: {
        200: {
          description: 'The certificate is genuine',
          content: { 'application/json': { schema: CertificateVerificationSchema } },
        },
        ...problems(400, 404),
      },
    }),
    async (c) => {
      const found = await verifyCertificate(deps, c.req.valid('param').code)
      return c.json({ name: found.name, course: found.course, date: londonDates(found.parts) }, 200)
    },
  )
}
