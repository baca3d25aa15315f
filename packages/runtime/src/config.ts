import {
  type AbuseLimits,
  DEFAULT_REMINDER_LEADS_MINUTES,
  parseReminderLeads,
  REMINDER_LEADS_RULE,
} from '@ey/domain'
import { type Env, optionalEnv, requireEnv } from './env.ts'
import { abuseLimitsFromEnv } from './limits.ts'
import { manageTokenSecret } from './secrets.ts'

/** The settings every function reads: the table, the public site and the manage-token key. */
export interface CoreConfig {
  tableName: string
  /** DynamoDB Local's address when running on one machine; unset in AWS. */
  dynamodbEndpoint?: string
  /** The public site's origin (e.g. `https://training.example.org`): manage links point there. */
  siteUrl: string
  /** The key manage tokens and alert stop tokens are derived from; the API and the mail function must share it. */
  manageTokenSecret: string
  /** Days after a session's end its manage links stop working (`MANAGE_LINK_DAYS`); the policy's default when unset. */
  manageLinkDays?: number
  /** The rate limits and caps (`LIMIT_…` variables over `DEFAULT_ABUSE_LIMITS`); unset, the defaults. */
  limits?: AbuseLimits
  /**
   * The reminder leads of a session that sets none of its own, longest first (`REMINDER_LEADS_MINUTES`);
   * unset, `DEFAULT_REMINDER_LEADS_MINUTES`.
   */
  reminderLeadsMinutes?: readonly number[]
}

/**
 * Reads `TABLE_NAME` and `SITE_URL` (required), `DYNAMODB_ENDPOINT` and `MANAGE_LINK_DAYS`
 * (optional), the manage-token key (see `manageTokenSecret`), the abuse limits (see
 * `abuseLimitsFromEnv`) and the default reminders (see `reminderLeadsFromEnv`); a missing
 * variable, a malformed `LIMIT_…` or `REMINDER_LEADS_MINUTES` one, or a `MANAGE_LINK_DAYS` that
 * is not a whole number of days from 1 to 3650, stops start-up, named.
 */
export async function coreConfigFromEnv(env: Env): Promise<CoreConfig> {
  const tableName = requireEnv('TABLE_NAME', env)
  const siteUrl = requireEnv('SITE_URL', env)
  const dynamodbEndpoint = optionalEnv('DYNAMODB_ENDPOINT', env)
  const manageLinkDays = optionalEnv('MANAGE_LINK_DAYS', env)
  return {
    tableName,
    siteUrl,
    ...(dynamodbEndpoint ? { dynamodbEndpoint } : {}),
    ...(manageLinkDays ? { manageLinkDays: wholeDays('MANAGE_LINK_DAYS', manageLinkDays) } : {}),
    manageTokenSecret: await manageTokenSecret(env),
    limits: abuseLimitsFromEnv(env),
    reminderLeadsMinutes: reminderLeadsFromEnv(env),
  }
}

/**
 * `REMINDER_LEADS_MINUTES`: the reminders of a session that sets none of its own, as whole minutes
 * before each part separated by commas (`2880,120`), each within `REMINDER_LEAD_BOUNDS`, no more
 * than a session may have. Unset, `DEFAULT_REMINDER_LEADS_MINUTES`; set but empty, no reminders;
 * anything else stops start-up, named.
 */
export function reminderLeadsFromEnv(env: Env): readonly number[] {
  const text = env.REMINDER_LEADS_MINUTES
  if (text === undefined) return DEFAULT_REMINDER_LEADS_MINUTES
  const leads = parseReminderLeads(text)
  if (!leads) throw new Error(`REMINDER_LEADS_MINUTES must be ${REMINDER_LEADS_RULE}, not "${text}"`)
  return leads
}

function wholeDays(name: string, value: string): number {
  const days = Number(value)
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new Error(`${name} must be a whole number of days from 1 to 3650`)
  }
  return days
}
