import * as z from 'zod'
import { IdSchema, InstantSchema, LaCodeSchema } from './common.ts'
import { SessionSnapshotSchema } from './session.ts'

export const ROLES = [
  'nursery-practitioner',
  'pre-school-practitioner',
  'childminder',
  'senco',
  'setting-manager',
  'health-visitor',
  'family-support-worker',
  'portage-worker',
  'teacher',
  'community-nurse',
  'perinatal-mental-health',
  'paediatrics',
  'therapy',
  'early-help',
  'parent-or-carer',
  'other',
] as const
export const RoleSchema = z.enum(ROLES, { error: 'Choose your role from the list' })
export type Role = z.infer<typeof RoleSchema>

export const SETTING_TYPES = [
  'private-nursery',
  'voluntary-pre-school',
  'maintained-nursery-school',
  'school-nursery-class',
  'childminder',
  'family-hub-or-childrens-centre',
  'health-service',
  'local-authority-service',
  'home',
  'other',
] as const
export const SettingTypeSchema = z.enum(SETTING_TYPES, { error: 'Choose your type of setting from the list' })
export type SettingType = z.infer<typeof SettingTypeSchema>

/**
 * A setting's Ofsted unique reference number: six or seven digits. Spaces are dropped; an empty
 * answer means "not known" and is not stored.
 */
export const OfstedUrnSchema = z
  .preprocess(
    (value) => (typeof value === 'string' ? value.replace(/\s+/g, '') || undefined : value),
    z
      .string({ error: 'Enter the Ofsted URN as 6 or 7 digits, or leave it empty' })
      .regex(/^\d{6,7}$/, 'Enter the Ofsted URN as 6 or 7 digits, like 123456, or leave it empty')
      .optional(),
  )
  .meta({ description: 'The setting’s Ofsted URN (6 or 7 digits); optional', example: '123456' })

/** The longest name a booking takes: long enough for real full names, too short to carry a message. */
export const PERSON_NAME_MAX = 70

/**
 * The characters a name needs: Unicode letters and combining marks, spaces, hyphens, apostrophes
 * (straight and curly) and full stops, starting with a letter. No digits, links or markup: the
 * name appears in emails sent from the programme's domain.
 */
export const PERSON_NAME_PATTERN = /^\p{L}[\p{L}\p{M} .'’-]*$/u

/** What a person tells us when booking; checked once at the edge. */
export const PersonSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, 'Enter your full name')
    .max(PERSON_NAME_MAX, `Name must be ${PERSON_NAME_MAX} characters or fewer`)
    .regex(
      PERSON_NAME_PATTERN,
      'Enter your name using only letters, spaces, hyphens, apostrophes and full stops, starting with a letter',
    )
    .meta({
      description: `Letters (any language), marks, spaces, hyphens, apostrophes and full stops, starting with a letter; at most ${PERSON_NAME_MAX} characters`,
      example: 'Amira O’Neill-Khan',
    }),
  email: z
    .string()
    .trim()
    .max(254, 'Email address must be 254 characters or fewer')
    .pipe(z.email('Enter an email address in the correct format, like name@example.com')),
  role: RoleSchema,
  settingName: z
    .string()
    .trim()
    .min(1, 'Enter the name of your setting')
    .max(200, 'Setting name must be 200 characters or fewer'),
  ofstedUrn: OfstedUrnSchema,
  settingType: SettingTypeSchema,
  laCode: LaCodeSchema,
  shareWithLa: z.boolean({
    error: 'Say whether you agree to share your attendance with your local authority',
  }),
  accessNeeds: z.string().trim().max(1000, 'Access needs must be 1000 characters or fewer').optional(),
})
export type Person = z.infer<typeof PersonSchema>

/**
 * A booking's life. Only states that hold a place count against capacity (see `holdsPlace`).
 * waiting → offered | confirmed | cancelled; offered → confirmed | declined | expired | cancelled;
 * confirmed → cancelled | late-cancelled | attended | no-show.
 */
export const BOOKING_STATUSES = [
  'waiting',
  'offered',
  'confirmed',
  'declined',
  'expired',
  'cancelled',
  'late-cancelled',
  'attended',
  'no-show',
] as const
export const BookingStatusSchema = z.enum(BOOKING_STATUSES)
export type BookingStatus = z.infer<typeof BookingStatusSchema>

export const BookingEventSchema = z.object({
  at: InstantSchema,
  from: BookingStatusSchema.nullable(),
  to: BookingStatusSchema,
  by: z.string(),
})
export type BookingEvent = z.infer<typeof BookingEventSchema>

/** A pseudonym (`anon:` and a SHA-256 in hex) standing for erased text: see `rules/pseudonyms.ts`. */
const PseudonymSchema = z.string().regex(/^anon:[0-9a-f]{64}$/)

/**
 * The person as a booking keeps them: as booked, or, once the booking is erased (`erasedAt`), with
 * placeholders for the name and address and pseudonyms for the setting's name and URN. The name is
 * read as the rules stood when they booked (up to 120 characters of any kind, before
 * `PERSON_NAME_PATTERN`), so bookings made earlier still read.
 */
export const StoredPersonSchema = PersonSchema.extend({
  name: z.string().trim().min(1).max(120),
  ofstedUrn: z.union([PseudonymSchema, OfstedUrnSchema]).optional(),
})

/**
 * One answer to "share my attendance with my local authority": given when booking, or changed on
 * the manage page; when, and which version of the privacy notice was in force.
 */
export const LaSharingEventSchema = z.object({
  agreed: z.boolean(),
  at: InstantSchema,
  noticeVersion: z.string().min(1),
})
export type LaSharingEvent = z.infer<typeof LaSharingEventSchema>

export const BookingSchema = z.object({
  id: IdSchema,
  /** Short, human: read out on the phone or typed from a screenshot. */
  reference: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/),
  sessionId: IdSchema,
  status: BookingStatusSchema,
  person: StoredPersonSchema,
  /**
   * The normalised email: the key of "one live booking per person per session". Once erased, its
   * pseudonym, so the people counted stay the same.
   */
  emailKey: z.string(),
  /** The hash of the current manage token (of `manageTokenVersion`). */
  manageTokenHash: z.string(),
  /**
   * Which manage token is current: absent for 1, the token of every link sent before links could be
   * renewed; each renewal ("send me new links") raises it, and older tokens stop working.
   */
  manageTokenVersion: z.number().int().min(2).optional(),
  /** Arrival order on the waiting list; set when the booking joined it. */
  waitlistTicket: z.number().int().positive().optional(),
  offerExpiresAt: InstantSchema.optional(),
  session: SessionSnapshotSchema,
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  history: z.array(BookingEventSchema),
  /** When the person's data was erased (by the retention job or on request); absent until then. */
  erasedAt: InstantSchema.optional(),
  /**
   * Every answer about sharing with the LA, oldest first; the last one is `person.shareWithLa`.
   * Absent on bookings made before answers were recorded with their time.
   */
  laSharing: z.array(LaSharingEventSchema).optional(),
})
export type Booking = z.infer<typeof BookingSchema>
