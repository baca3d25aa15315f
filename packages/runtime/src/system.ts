import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto'
import type { AlertTokens, Clock, Fingerprints, IdSource, ManageTokens } from '@ey/domain'

/** The real clock. */
export const systemClock: Clock = { now: () => new Date() }

/**
 * A clock that reads `start` now and runs on from there at the pace of `base`: the local stack
 * started with `--now`, and a job run by hand as if at another time.
 */
export function shiftedClock(start: Date, base: Clock = systemClock): Clock {
  const offset = start.getTime() - base.now().getTime()
  return { now: () => new Date(base.now().getTime() + offset) }
}

const REFERENCE_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789'

/**
 * Time-ordered ids (ms timestamp then 80 random bits), unambiguous booking references and
 * attendance codes, all from the operating system's secure random source. The timestamp is the
 * machine's real time, not the clock port's: it only orders ids, and nothing is decided by it.
 */
export const randomIds: IdSource = {
  newId: () => `${Date.now().toString(36).padStart(9, '0')}${randomBytes(10).toString('base64url')}`,
  newReference: () => {
    const chars = Array.from({ length: 8 }, () => REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)])
    return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`
  },
  newAttendanceCode: () => String(randomInt(0, 1_000_000)).padStart(6, '0'),
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url')
}

/** SHA-256 in base64url: the fingerprints idempotency records and bookings-list ids were stored with. */
export const sha256Fingerprints: Fingerprints = { of: sha256 }

/**
 * Tokens derived from a server secret, so a replayed booking request can be answered with the
 * same token while only its hash is stored. `purpose` keeps each kind apart: a booking's manage
 * token (`manage`) never works as an alert's stop token (`alert-stop`) of the same id. Version 1
 * signs the id alone (the tokens of every link sent before versions existed); a later version
 * signs the version too and says it before a dot, `<version>.<signature>`.
 */
export function hmacTokens(
  secret: string,
  purpose: 'manage' | 'alert-stop' = 'manage',
): ManageTokens & AlertTokens {
  if (secret.length < 32) throw new Error('The manage-token secret must be at least 32 characters')
  const sign = (text: string) => createHmac('sha256', secret).update(text).digest('base64url')
  return {
    issue: (id: string, version = 1) =>
      version === 1 ? sign(`${purpose}:${id}`) : `${version}.${sign(`${purpose}:${id}:${version}`)}`,
    hash: sha256,
  }
}
