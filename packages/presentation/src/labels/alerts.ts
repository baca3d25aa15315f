import type { AlertScope } from '@ey/domain'

/** Where a person could go to a session, as the alert form offers it. */
export const ALERT_SCOPE_LABELS = {
  la: 'In person, in my local authority',
  region: 'In person, anywhere in my region',
  online: 'Online',
} as const satisfies Record<AlertScope, string>
