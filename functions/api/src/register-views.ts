import type { RegisterView, TrainerSessionView } from '@ey/contract'
import {
  type Booking,
  type RegisterSheet,
  type Session,
  sessionEnd,
  sessionStart,
  toLondonIso,
} from '@ey/domain'

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
    ...(booking.person.ofstedUrn ? { ofstedUrn: booking.person.ofstedUrn } : {}),
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
