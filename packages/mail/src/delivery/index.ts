export { type BookingDeliveryDeps, manageUrlOf, prepareBookingEmail } from './booking.ts'
export { type Delivery, type DeliveryDeps, deliver } from './deliver.ts'
export {
  type DeliveryLog,
  deliverOutboxItem,
  type OutboxDeliveryDeps,
  outboxDelivery,
} from './outbox-item.ts'
export type { Prepared } from './prepared.ts'
