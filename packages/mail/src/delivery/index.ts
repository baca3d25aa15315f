export { type BookingDeliveryDeps, manageUrlOf, prepareBookingEmail } from './booking.ts'
export { prepareBookingReminder } from './booking-reminder.ts'
export { type Delivery, type DeliveryDeps, deliver } from './deliver.ts'
export { type InterestAlertDeliveryDeps, prepareInterestAlertEmail } from './interest-alert.ts'
export {
  type DeliveryLog,
  deliverOutboxItem,
  type OutboxDeliveryDeps,
  outboxDelivery,
  PARKED_EMAIL_LOG,
} from './outbox-item.ts'
export type { Prepared } from './prepared.ts'
export { type InvitationDeliveryDeps, prepareQuestionnaireInvitation } from './questionnaire-invitation.ts'
export { prepareTrainerDigest, type TrainerDigestDeliveryDeps } from './trainer-digest.ts'
