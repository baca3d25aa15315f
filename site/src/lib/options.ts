import { AlertScopeSchema, ROLES, SETTING_TYPES, SessionFormatSchema, TOPICS } from '@ey/domain'
import {
  ALERT_SCOPE_LABELS,
  FORMAT_LABELS,
  ROLE_LABELS,
  SETTING_TYPE_LABELS,
  TOPIC_LABELS,
} from '@ey/presentation'

// Build-time only (Astro front matter): the domain's own lists, in its order, with their labels.

export const TOPICS_IN_ORDER = TOPICS.map((code) => [code, TOPIC_LABELS[code]] as const)
export const FORMATS_IN_ORDER = SessionFormatSchema.options.map(
  (code) => [code, FORMAT_LABELS[code]] as const,
)
export const ROLES_IN_ORDER = ROLES.map((code) => [code, ROLE_LABELS[code]] as const)
export const SETTING_TYPES_IN_ORDER = SETTING_TYPES.map((code) => [code, SETTING_TYPE_LABELS[code]] as const)
export const ALERT_SCOPES_IN_ORDER = AlertScopeSchema.options.map(
  (code) => [code, ALERT_SCOPE_LABELS[code]] as const,
)
