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
