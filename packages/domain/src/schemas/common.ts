import * as z from 'zod'

/** An instant, stored and exchanged as ISO 8601; stored in UTC. */
export const InstantSchema = z.iso.datetime({ offset: true })

/** Identifiers are opaque, URL-safe strings. */
export const IdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'Use letters, digits, - or _ only')

/** An ONS code of an English upper-tier local authority (E06, E08, E09, E10). */
export const LaCodeSchema = z
  .string()
  .regex(/^E(06|08|09|10)\d{6}$/, 'Choose a local authority from the list')

/** Whether the text is an absolute `https:` address with a host and no credentials. */
export function isHttpsUrl(text: string): boolean {
  try {
    const url = new URL(text)
    return url.protocol === 'https:' && url.hostname !== '' && !url.username && !url.password
  } catch {
    return false
  }
}

/**
 * A link staff enter that people will follow (a joining link, a partner's website, a material):
 * `https:` only, so no `javascript:`, `data:` or plain `http:` address reaches a page or an email.
 * The pattern shows the rule in the OpenAPI document; the refinement checks the whole address.
 */
export function httpsUrlSchema(message = 'Enter a link that starts with https://') {
  return z
    .string()
    .trim()
    .max(2000, 'The link must be 2000 characters or fewer')
    .regex(/^https:\/\//i, message)
    .refine(isHttpsUrl, message)
}

/** A link to somewhere else, `https:` only (see `httpsUrlSchema`). */
export const HttpsUrlSchema = httpsUrlSchema()
