import {
  AttendanceCodeViewSchema,
  MySessionsQuerySchema,
  MySessionsViewSchema,
  ParticipantReportMatchingSchema,
  ParticipantReportSchema,
  RegisterChangesSchema,
  RegisterPartParamSchema,
  RegisterViewSchema,
} from '@ey/contract'
import {
  changeRegister,
  isOnRegister,
  matchParticipantReport,
  mySessions,
  openRegister,
  parseParticipantReport,
  type RegisterDeps,
  type RegisterSheet,
  recordStaffRead,
  showAttendanceCode,
  toLondonIso,
} from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type * as z from 'zod'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff, staffOf } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { BEYOND_BOUNDS } from '../openapi.ts'
import { registerView, trainerSessionView } from '../register-views.ts'
import { router } from '../validation.ts'

const NO_STORE = { 'Cache-Control': 'private, no-store' }

const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
})

/**
 * `/api/trainer/...`: a trainer's sessions and the register of each part. Every route needs the
 * trainer role (an administrator passes); the session must be theirs (`canRunSession`). Opening a
 * register and matching a participant report to one are written to the audit log first; changes
 * are recorded in the register's own audit.
 */
export function trainerRoutes(deps: ApiDeps): OpenAPIHono {
  const app = router()
  const gate = requireStaff(deps.staff, 'trainer')
  const registerDeps: RegisterDeps = deps
  const audit = { audit: deps.accessAudit, clock: deps.clock, ids: deps.ids }
  /** The audit entry of a read of a register's people, once the caller may read it. */
  const recordRegisterRead = (
    c: Parameters<typeof staffOf>[0],
    action: 'register-view' | 'participant-report',
    sheet: RegisterSheet,
  ) =>
    recordStaffRead(audit, staffOf(c), {
      action,
      session: { id: sheet.session.id, title: sheet.session.title, part: sheet.part },
      // Everyone booked the page lists: holding a place, waiting, or cancelled too late.
      rows: sheet.booked.length + sheet.waiting.length + sheet.lateCancelled.length,
    })

  app.openapi(
    createRoute({
      method: 'get',
      path: '/sessions',
      tags: ['trainer'],
      summary: "The caller's sessions starting in a range: upcoming soonest first, past latest first",
      description: 'Default range: sessions starting from 365 days ago to 400 days ahead.',
      security: STAFF_SECURITY,
      middleware: gate,
      request: { query: MySessionsQuerySchema },
      responses: {
        200: json('My sessions', MySessionsViewSchema),
        ...staffProblems(400, 401, 403),
        ...BEYOND_BOUNDS,
      },
    }),
    async (c) => {
      const { from, to } = c.req.valid('query')
      const { upcoming, past } = await mySessions(registerDeps, staffOf(c), {
        ...(from ? { from: new Date(from) } : {}),
        ...(to ? { to: new Date(to) } : {}),
      })
      return c.json(
        { upcoming: upcoming.map(trainerSessionView), past: past.map(trainerSessionView) },
        200,
        NO_STORE,
      )
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: '/sessions/{id}/parts/{part}/register',
      tags: ['trainer'],
      summary: "One part's register: everyone booked, the waiting list, marks, walk-ins and notes",
      security: STAFF_SECURITY,
      middleware: gate,
      request: { params: RegisterPartParamSchema },
      responses: { 200: json('The register', RegisterViewSchema), ...staffProblems(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id, part } = c.req.valid('param')
      const sheet = await openRegister(registerDeps, staffOf(c), id, part)
      await recordRegisterRead(c, 'register-view', sheet)
      return c.json(registerView(sheet, deps.clock.now()), 200, NO_STORE)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/sessions/{id}/parts/{part}/register/changes',
      tags: ['trainer'],
      summary:
        'Mark, note, add walk-ins or confirm check-ins; a change whose key was seen is not applied again',
      security: STAFF_SECURITY,
      middleware: gate,
      request: {
        params: RegisterPartParamSchema,
        body: { required: true, content: { 'application/json': { schema: RegisterChangesSchema } } },
      },
      responses: {
        200: json('The register after the changes', RegisterViewSchema),
        ...staffProblems(400, 401, 403, 404, 409, 503),
      },
    }),
    async (c) => {
      const { id, part } = c.req.valid('param')
      const { changes } = c.req.valid('json')
      const sheet = await changeRegister(registerDeps, staffOf(c), id, part, changes)
      return c.json(registerView(sheet, deps.clock.now()), 200, NO_STORE)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/sessions/{id}/parts/{part}/register/code',
      tags: ['trainer'],
      summary: 'Show a new six-digit attendance code for participants to check in with (15 minutes)',
      security: STAFF_SECURITY,
      middleware: gate,
      request: { params: RegisterPartParamSchema },
      responses: {
        200: json('The code', AttendanceCodeViewSchema),
        ...staffProblems(401, 403, 404, 409, 503),
      },
    }),
    async (c) => {
      const { id, part } = c.req.valid('param')
      const { code, expiresAt } = await showAttendanceCode(registerDeps, staffOf(c), id, part)
      return c.json({ code, expiresAt: toLondonIso(expiresAt) }, 200, NO_STORE)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: '/sessions/{id}/parts/{part}/register/participant-report',
      tags: ['trainer'],
      summary:
        'Match a Teams or Zoom participant report (CSV text) to the bookings, for review; saves nothing',
      security: STAFF_SECURITY,
      middleware: gate,
      request: {
        params: RegisterPartParamSchema,
        body: { required: true, content: { 'application/json': { schema: ParticipantReportSchema } } },
      },
      responses: {
        200: json('Matches and unmatched rows', ParticipantReportMatchingSchema),
        ...staffProblems(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { id, part } = c.req.valid('param')
      const sheet = await openRegister(registerDeps, staffOf(c), id, part)
      await recordRegisterRead(c, 'participant-report', sheet)
      const booked = sheet.booked.filter((booking) => isOnRegister(booking.status))
      const names = new Map(booked.map((booking) => [booking.id, booking.person.name]))
      const matching = matchParticipantReport(parseParticipantReport(c.req.valid('json').report), booked)
      return c.json(
        {
          matches: matching.matches.map((m) => ({ ...m, name: names.get(m.bookingId) ?? '' })),
          unmatched: matching.unmatched,
          missing: matching.missing.map((bookingId) => ({ bookingId, name: names.get(bookingId) ?? '' })),
        },
        200,
        NO_STORE,
      )
    },
  )
  return app
}
