import {
  type Clock,
  type DigestReadDeps,
  londonParts,
  readTrainerDigest,
  type TrainerDigestEmail,
} from '@ey/domain'
import { renderTrainerDigest } from '../templates/index.ts'
import type { Prepared } from './prepared.ts'

/** What a trainer's digest reads when it goes. */
export interface TrainerDigestDeliveryDeps extends DigestReadDeps {
  /** The site's origin, for the links to the registers. */
  siteUrl: string
  clock: Clock
}

/**
 * Renders a trainer's digest of one London date from the sessions and bookings as they are now,
 * to the address in the staff directory; skips it once the date is past, or when the trainer
 * (still in the directory) runs nothing that day any more.
 */
export async function prepareTrainerDigest(
  deps: TrainerDigestDeliveryDeps,
  message: TrainerDigestEmail,
): Promise<Prepared> {
  if (message.date < londonParts(deps.clock.now()).date) return { outcome: 'skipped', reason: 'date-past' }
  const digest = await readTrainerDigest(deps, message.staffSub, message.date)
  if (!digest) return { outcome: 'skipped', reason: 'nothing-to-list' }
  return {
    outcome: 'ready',
    email: { to: digest.trainer.email, ...renderTrainerDigest(digest, deps.siteUrl) },
  }
}
