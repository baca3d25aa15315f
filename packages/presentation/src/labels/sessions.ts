import type { SessionFormat, SessionStatus } from '@ey/domain'

// `satisfies` fails the build when the domain gains a code without a label; type-only imports
// keep zod out of the pages.

/** How a session runs, as a choice (the search filters). */
export const FORMAT_LABELS = {
  online: 'Online',
  'in-person': 'In person',
  hybrid: 'Hybrid (in person or online)',
} as const satisfies Record<SessionFormat, string>

/** How a session runs, in a tag or a line of text. */
export const FORMAT_SHORT_LABELS = {
  ...FORMAT_LABELS,
  hybrid: 'Hybrid',
} as const satisfies Record<SessionFormat, string>

/** A session's status, as the staff pages show it. */
export const SESSION_STATUS_LABELS = {
  draft: 'Draft',
  published: 'Published',
  cancelled: 'Cancelled',
} as const satisfies Record<SessionStatus, string>

/** The reminders the session form offers, in minutes before each part, longest first. */
export const REMINDER_LEAD_CHOICES = [7 * 24 * 60, 2 * 24 * 60, 24 * 60, 2 * 60] as const

/** When a reminder goes, in words: `1 week before`, `2 days before`, `2 hours before`, `45 minutes before`. */
export function reminderLeadLabel(minutes: number): string {
  if (minutes === 7 * 24 * 60) return '1 week before'
  const [count, unit] =
    minutes % (24 * 60) === 0
      ? [minutes / (24 * 60), 'day']
      : minutes % 60 === 0
        ? [minutes / 60, 'hour']
        : [minutes, 'minute']
  return `${count} ${unit}${count === 1 ? '' : 's'} before`
}
