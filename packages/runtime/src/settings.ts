// How each setting of the core is made from the configuration: the keys of tokens, the booking
// policy, the abuse limits and the default reminders. Apart from the table's adapters
// (adapters.ts), so a bundle that takes some of these does not hold every adapter's module.
import {
  type AbuseLimits,
  type AlertTokens,
  type BookingPolicy,
  DEFAULT_ABUSE_LIMITS,
  DEFAULT_POLICY,
  DEFAULT_REMINDER_LEADS_MINUTES,
  type ManageTokens,
} from '@ey/domain'
import { localAuthorities } from '@ey/reference-data'
import type { CoreConfig } from './config.ts'
import { hmacTokens, randomIds, sha256Fingerprints, systemClock } from './system.ts'

/** The default reminder leads: the configuration's, else `DEFAULT_REMINDER_LEADS_MINUTES`. */
export function wireReminderLeads(config: Pick<CoreConfig, 'reminderLeadsMinutes'>): readonly number[] {
  return config.reminderLeadsMinutes ?? DEFAULT_REMINDER_LEADS_MINUTES
}

/** The rate limits and caps: the configuration's, else `DEFAULT_ABUSE_LIMITS`. */
export function wireLimits(config: Pick<CoreConfig, 'limits'>): AbuseLimits {
  return config.limits ?? DEFAULT_ABUSE_LIMITS
}

/** Manage tokens, signed with the manage-token key. */
export function wireTokens(config: Pick<CoreConfig, 'manageTokenSecret'>): ManageTokens {
  return hmacTokens(config.manageTokenSecret)
}

/** Alerts' stop-link tokens: the manage-token key, kept apart from manage tokens by purpose. */
export function wireAlertTokens(config: Pick<CoreConfig, 'manageTokenSecret'>): AlertTokens {
  return hmacTokens(config.manageTokenSecret, 'alert-stop')
}

/** The booking policy: `DEFAULT_POLICY`, with the configuration's manage-link days when it sets them. */
export function wirePolicy(config: Pick<CoreConfig, 'manageLinkDays'>): BookingPolicy {
  return {
    ...DEFAULT_POLICY,
    ...(config.manageLinkDays === undefined ? {} : { manageLinkDays: config.manageLinkDays }),
  }
}

/**
 * The system's clock, ids and fingerprints, the LAs, and every setting above: what a composition
 * root that uses them all gives its adapters (`wireCore`, the jobs', the API's first steps).
 */
export function wireSettings(
  config: Pick<CoreConfig, 'manageTokenSecret' | 'manageLinkDays' | 'limits' | 'reminderLeadsMinutes'>,
) {
  return {
    clock: systemClock,
    ids: randomIds,
    fingerprints: sha256Fingerprints,
    tokens: wireTokens(config),
    alertTokens: wireAlertTokens(config),
    las: localAuthorities,
    policy: wirePolicy(config),
    limits: wireLimits(config),
    reminderLeadsMinutes: wireReminderLeads(config),
  }
}
