import * as z from 'zod'

/**
 * What the mail provider reported about one email: a bounce (with its type, as SES names it:
 * `Permanent`, `Transient` or `Undetermined`, and its sub-type) or a complaint (with the feedback
 * type the receiving provider gave, when it gave one), and the addresses it concerns.
 */
export type MailFeedback =
  | { kind: 'bounce'; bounceType: string; bounceSubType: string; recipients: string[]; at: string }
  | { kind: 'complaint'; complaintType?: string; recipients: string[]; at: string }

/** An address no more email goes to, and why: kept so administrators can see it and clear it. */
export const UndeliverableAddressSchema = z.object({
  /** Stands for the address in keys and URLs: a hash of the normalised address. */
  id: z.string(),
  address: z.string(),
  reason: z.enum(['bounce', 'complaint']),
  /** The bounce's type and sub-type (`Permanent/General`), or the complaint's feedback type (`abuse`). */
  detail: z.string(),
  /** When the provider reported it (ISO). */
  at: z.iso.datetime({ offset: true }),
})
export type UndeliverableAddress = z.infer<typeof UndeliverableAddressSchema>

/** Addresses that bounced for good or complained, each recorded once under a hash of the address. */
export interface UndeliverableAddresses {
  /** Whether email must not go to this address (any case or surrounding spaces). */
  isUndeliverable(address: string): Promise<boolean>
  /** Records the address as undeliverable (a later report replaces an earlier one). */
  mark(entry: Omit<UndeliverableAddress, 'id'>): Promise<void>
  /** Undeliverable addresses, latest report first; at most `max`. */
  list(max: number): Promise<UndeliverableAddress[]>
  /** Lets email go to the address again; what was recorded, undefined when nothing was. */
  clear(id: string): Promise<UndeliverableAddress | undefined>
}
