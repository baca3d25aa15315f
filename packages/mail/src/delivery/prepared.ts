import type { OutgoingEmail } from '@ey/domain'

/**
 * What a family's delivery module makes of a message when it is about to go: the email, read and
 * rendered now, or the reason it must not go (what it would say is no longer true).
 */
export type Prepared = { outcome: 'ready'; email: OutgoingEmail } | { outcome: 'skipped'; reason: string }
