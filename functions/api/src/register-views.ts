import {
  ATTENDANCE_MARKS,
  AuditEntrySchema,
  type Booking,
  BookingStatusSchema,
  type RegisterSheet,
  RoleSchema,
  type Session,
  SessionFormatSchema,
  SettingTypeSchema,
  sessionEnd,
  sessionStart,
  toLondonIso,
} from '@ey/domain'
import { z } from '@hono/zod-openapi'

const MarkSchema = z.enum(ATTENDANCE_MARKS)
const PartSchema = z.object({ startsAt: z.string(), endsAt: z.string() })

export const TrainerSessionViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    format: SessionFormatSchema,
    venueName: z.string().optional(),
    parts: z.array(PartSchema),
    capacity: z.number().int(),
    heldCount: z.number().int(),
    waitingCount: z.number().int(),
    status: z.string(),
  })
  .openapi('TrainerSession')

export const MySessionsSchema = z
  .object({ upcoming: z.array(TrainerSessionViewSchema), past: z.array(TrainerSessionViewSchema) })
  .openapi('MySessions')

const EntryFields = {
  mark: MarkSchema.optional(),
  note: z.string().optional(),
  checkIn: z.object({ at: z.string(), confirmed: z.boolean() }).optional(),
}

/** A booked person as the trainer running the session sees them: no email address. */
const RegisterPersonSchema = z.object({
  bookingId: z.string(),
  reference: z.string(),
  name: z.string(),
  role: RoleSchema,
  settingName: z.string(),
  settingType: SettingTypeSchema,
  accessNeeds: z.string().optional(),
  status: BookingStatusSchema,
  ...EntryFields,
})

export const RegisterViewSchema = z
  .object({
    session: z.object({
      id: z.string(),
      title: z.string(),
      format: SessionFormatSchema,
      parts: z.array(PartSchema),
      status: z.string(),
    }),
    part: z.number().int(),
    locked: z.boolean(),
    locksAt: z.string(),
    reopenedUntil: z.string().optional(),
    booked: z.array(RegisterPersonSchema),
    waiting: z.array(RegisterPersonSchema),
    lateCancelled: z.array(RegisterPersonSchema),
    walkIns: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        role: RoleSchema.optional(),
        settingName: z.string().optional(),
        ...EntryFields,
      }),
    ),
    code: z.object({ value: z.string(), expiresAt: z.string() }).optional(),
    audit: z.array(AuditEntrySchema),
  })
  .openapi('Register')

export type RegisterView = z.infer<typeof RegisterViewSchema>
export type TrainerSessionView = z.infer<typeof TrainerSessionViewSchema>
export type MySessionsView = z.infer<typeof MySessionsSchema>

function parts(session: Pick<Session, 'parts'>) {
  return session.parts.map((p) => ({ startsAt: toLondonIso(p.startsAt), endsAt: toLondonIso(p.endsAt) }))
}

/** A session in a trainer's list. */
export function trainerSessionView(session: Session): TrainerSessionView {
  return {
    id: session.id,
    title: session.title,
    startsAt: toLondonIso(sessionStart(session)),
    endsAt: toLondonIso(sessionEnd(session)),
    format: session.format,
    ...(session.venue ? { venueName: session.venue.name } : {}),
    parts: parts(session),
    capacity: session.capacity,
    heldCount: session.heldCount,
    waitingCount: session.waitingCount,
    status: session.status,
  }
}

/** One part's register as the trainer's page shows it. The code shows only while it works. */
export function registerView(sheet: RegisterSheet, now: Date): RegisterView {
  const { session, register } = sheet
  const person = (booking: Booking) => ({
    bookingId: booking.id,
    reference: booking.reference,
    name: booking.person.name,
    role: booking.person.role,
    settingName: booking.person.settingName,
    settingType: booking.person.settingType,
    ...(booking.person.accessNeeds ? { accessNeeds: booking.person.accessNeeds } : {}),
    status: booking.status,
    ...register.entries[booking.id],
  })
  const live = register.code && new Date(register.code.expiresAt) > now
  return {
    session: {
      id: session.id,
      title: session.title,
      format: session.format,
      parts: parts(session),
      status: session.status,
    },
    part: sheet.part,
    locked: sheet.locked,
    locksAt: toLondonIso(sheet.locksAt),
    ...(register.reopenedUntil ? { reopenedUntil: toLondonIso(register.reopenedUntil) } : {}),
    booked: sheet.booked.map(person),
    waiting: sheet.waiting.map(person),
    lateCancelled: sheet.lateCancelled.map(person),
    walkIns: register.walkIns.map(({ email: _email, settingType: _type, ...walkIn }) => ({
      ...walkIn,
      ...register.entries[walkIn.id],
    })),
    ...(live && register.code ? { code: register.code } : {}),
    audit: register.audit,
  }
}
