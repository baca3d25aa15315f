import type { FieldError } from '../errors.ts'
import type { LocalAuthorities } from '../ports.ts'
import { longestFirst } from '../rules/reminders.ts'
import type { Course } from '../schemas/catalogue.ts'
import type { Session, SessionPart } from '../schemas/session.ts'
import type { LondonMoment, SessionInput } from '../schemas/session-form.ts'
import { fromLondon } from '../time.ts'

/** What planning a session needs to know beyond the input. */
export interface PlanContext {
  /** The course named by the input, if it exists. */
  course: Course | undefined
  las: LocalAuthorities
  now: Date
  /** The session being edited; absent when scheduling a new one. */
  existing?: Session
  /** The new session's id. */
  newId: () => string
}

export type SessionPlan = { session: Session; errors: [] } | { session?: undefined; errors: FieldError[] }

/**
 * Turns an administrator's input (London dates and times) into the session to store, or every
 * rule it breaks, each named by its field path (`parts.1.endTime`). Pure: the caller writes.
 */
export function planSession(input: SessionInput, context: PlanContext): SessionPlan {
  const errors: FieldError[] = []
  const { course, existing, now } = context
  if (!course) errors.push({ field: 'courseId', message: 'Choose a course from the list' })

  const parts: SessionPart[] = input.parts.map((part) => ({
    startsAt: fromLondon(part.date, part.startTime).toISOString(),
    endsAt: fromLondon(part.date, part.endTime).toISOString(),
  }))
  parts.forEach((part, i) => {
    if (part.endsAt <= part.startsAt) {
      errors.push({ field: `parts.${i}.endTime`, message: 'The end time must be after the start time' })
    }
    const previous = parts[i - 1]
    if (previous && part.startsAt < previous.endsAt) {
      errors.push({ field: `parts.${i}.date`, message: 'Each part must start after the previous part ends' })
    }
  })
  const first = parts[0]
  const timesChanged = !existing || JSON.stringify(existing.parts) !== JSON.stringify(parts)
  if (first && timesChanged && new Date(first.startsAt) <= now) {
    errors.push({ field: 'parts.0.date', message: 'The session must start in the future' })
  }

  const needsVenue = input.format !== 'online'
  if (needsVenue && !input.venue) {
    errors.push({ field: 'venue', message: 'Enter the venue of an in-person or hybrid session' })
  }
  if (input.venue && needsVenue && !context.las.has(input.venue.laCode)) {
    errors.push({ field: 'venue.laCode', message: 'Choose the local authority of the venue from the list' })
  }
  input.bespokeLaCodes.forEach((code, i) => {
    if (!context.las.has(code)) {
      errors.push({ field: `bespokeLaCodes.${i}`, message: 'Choose each local authority from the list' })
    }
  })

  const opens = input.bookingOpens && instant(input.bookingOpens)
  const closes = input.bookingCloses && instant(input.bookingCloses)
  if (opens && closes && closes <= opens) {
    errors.push({ field: 'bookingCloses.date', message: 'Bookings must close after they open' })
  }
  if (closes && first && closes > first.startsAt) {
    errors.push({ field: 'bookingCloses.date', message: 'Bookings must close before the session starts' })
  }

  if (errors.length > 0 || !course) return { errors }
  const at = now.toISOString()
  const session: Session = {
    id: existing?.id ?? context.newId(),
    courseId: course.id,
    title: input.title ?? course.title,
    parts,
    format: input.format,
    ...(needsVenue && input.venue ? { venue: input.venue } : {}),
    ...(input.format !== 'in-person' && input.joiningUrl ? { joiningUrl: input.joiningUrl } : {}),
    capacity: input.capacity,
    heldCount: existing?.heldCount ?? 0,
    waitingCount: existing?.waitingCount ?? 0,
    ...(opens ? { bookingOpensAt: opens } : {}),
    ...(closes ? { bookingClosesAt: closes } : {}),
    bespokeLaCodes: [...new Set(input.bespokeLaCodes)],
    trainerIds: [...new Set(input.trainerIds)],
    ...(input.reminderLeadsMinutes ? { reminderLeadsMinutes: longestFirst(input.reminderLeadsMinutes) } : {}),
    status: input.status,
    createdAt: existing?.createdAt ?? at,
    updatedAt: at,
  }
  return { session, errors: [] }
}

function instant(moment: LondonMoment): string {
  return fromLondon(moment.date, moment.time).toISOString()
}
