import { isBookingEmail, type Mailer, type OutboxMessage, type UndeliverableAddresses } from '@ey/domain'
import { type BookingDeliveryDeps, prepareBookingEmail } from './booking.ts'
import { prepareBookingReminder } from './booking-reminder.ts'
import { type InterestAlertDeliveryDeps, prepareInterestAlertEmail } from './interest-alert.ts'
import type { Prepared } from './prepared.ts'
import { type InvitationDeliveryDeps, prepareQuestionnaireInvitation } from './questionnaire-invitation.ts'
import { prepareTrainerDigest, type TrainerDigestDeliveryDeps } from './trainer-digest.ts'

/** What delivering any outbox message needs: every family's reads, the undeliverable addresses, the mailer. */
export interface DeliveryDeps
  extends BookingDeliveryDeps,
    TrainerDigestDeliveryDeps,
    InterestAlertDeliveryDeps,
    InvitationDeliveryDeps {
  undeliverable: Pick<UndeliverableAddresses, 'isUndeliverable'>
  mailer: Mailer
}

/** What became of one message: sent (with the provider's id), or rightly not sent. */
export type Delivery = { outcome: 'sent'; messageId: string } | { outcome: 'skipped'; reason: string }

/**
 * Renders and sends the email an outbox message stands for, reading what it says as it is now
 * (by the message's family). An address that bounced for good or complained is skipped, never
 * sent to. Failures to read or send are thrown, for the caller to retry.
 */
export async function deliver(deps: DeliveryDeps, message: OutboxMessage): Promise<Delivery> {
  const prepared = await prepare(deps, message)
  if (prepared.outcome === 'skipped') return prepared
  if (await deps.undeliverable.isUndeliverable(prepared.email.to)) {
    return { outcome: 'skipped', reason: 'undeliverable' }
  }
  const { messageId } = await deps.mailer.send(prepared.email)
  return { outcome: 'sent', messageId }
}

/** The family's delivery module for the message. */
function prepare(deps: DeliveryDeps, message: OutboxMessage): Promise<Prepared> {
  if (isBookingEmail(message)) return prepareBookingEmail(deps, message)
  if (message.kind === 'booking-reminder') return prepareBookingReminder(deps, message)
  if (message.kind === 'trainer-digest') return prepareTrainerDigest(deps, message)
  if (message.kind === 'interest-alert') return prepareInterestAlertEmail(deps, message)
  if (message.kind === 'questionnaire-invitation') return prepareQuestionnaireInvitation(deps, message)
  return unknownFamily(message)
}

/** Reached only if a member of the message union has no delivery module: the compiler sees to that. */
function unknownFamily(message: never): never {
  throw new Error(`No delivery for outbox message ${(message as OutboxMessage).id}`)
}
