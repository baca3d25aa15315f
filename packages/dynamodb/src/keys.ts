import { createHash } from 'node:crypto'
import { isPseudonym, pseudonymDigest, utcMonth } from '@ey/domain'

// Sort-key prefixes of the items in a session's partition, and the index partitions read whole.
const PERSON = 'PERSON#'
const WAIT = 'WAIT#'
const ATTENDANCE = 'ATTENDANCE#'
const REGISTER = 'REGISTER#'
const TRAINER = 'TRAINER#'
const REMINDER = 'REMINDER#'
const PART_DAY = 'PART_DAY#'
const INVITED = 'INVITED#'
const COURSES = 'COURSES'
const PARTNERS = 'PARTNERS'
const STAFF = 'STAFF'
const ALERT_COUNTS = 'ALERT_COUNTS'
const PARKED_OUTBOX = 'OUTBOX_PARKED'
const UNDELIVERABLE = 'UNDELIVERABLE'
const MAIL_AUDIT = 'MAIL_AUDIT'
const TEMPLATE_VERSION = 'V#'
const TEMPLATES = 'QTEMPLATES'
const COURSE_TEMPLATES = 'COURSE_QTEMPLATES'
const MATERIAL = 'MATERIAL#'
const TAKEUP_DAY = 'TAKEUP_DAY#'
const TAKEUP_MONTH = 'TAKEUP_MONTH#'
const TAKEUP_REACH = 'TAKEUP_REACH#'
const TAKEUP_PERSON = 'TAKEUP_PERSON#'
const TAKEUP_SETTING = 'TAKEUP_SETTING#'
const TAKEUP_ENGLAND = 'ENGLAND'
const TAKEUP_REGION = 'REGION#'
const TAKEUP_LA = 'LA#'

/** A part's number in a sort key: two digits, so parts sort in order. */
function registerPart(part: number): string {
  return String(part).padStart(2, '0')
}

function accessAuditPk(month: string): string {
  return `AUDIT#${month}`
}

/**
 * Key functions, one per item type, and the prefixes that queries of a partition's items begin
 * with. Prefixes name the entity; see ACCESS_PATTERNS.md for which query reads which key.
 */
export const keys = {
  partner: (id: string) => ({ pk: `PARTNER#${id}`, sk: 'PARTNER' }),
  course: (id: string) => ({ pk: `COURSE#${id}`, sk: 'COURSE' }),
  session: (id: string) => ({ pk: `SESSION#${id}`, sk: 'SESSION' }),
  /** The arrival-order counter of a session's waiting list, apart from the hot session item. */
  waitlistCounter: (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: 'WAITLIST_COUNTER' }),
  /** One per live booking of a person on a session: enforces "one live booking per person". */
  sessionPerson: (sessionId: string, emailKey: string) => ({
    pk: `SESSION#${sessionId}`,
    sk: `${PERSON}${emailHash(emailKey)}`,
  }),
  /** Begins the sort key of every person lock of a session. */
  sessionPersonPrefix: PERSON,
  /** A place in the waiting list queue, ordered by ticket. */
  queueEntry: (sessionId: string, ticket: number) => ({
    pk: `SESSION#${sessionId}`,
    sk: `${WAIT}${String(ticket).padStart(10, '0')}`,
  }),
  /** Begins the sort key of every queue entry of a session; sorts before the first ticket. */
  queueEntryPrefix: WAIT,
  booking: (id: string) => ({ pk: `BOOKING#${id}`, sk: 'BOOKING' }),
  /** Wrong attendance codes typed for the booking, and the lock they caused (TTL). */
  codeAttempts: (bookingId: string) => ({ pk: `BOOKING#${bookingId}`, sk: 'CODE_ATTEMPTS' }),
  /** One counting window of a rate limit (limit, subject's fingerprint, window start); TTL removes it. */
  rateWindow: (key: string) => ({ pk: `RATE#${key}`, sk: 'RATE' }),
  idempotency: (sessionId: string, key: string) => ({
    pk: `IDEMPOTENCY#${sessionId}#${key}`,
    sk: 'IDEMPOTENCY',
  }),
  outbox: (id: string) => ({ pk: `OUTBOX#${id}`, sk: 'OUTBOX' }),
  /** An address no email goes to, by its id: the hash of the normalised address (`emailHash`). */
  undeliverable: (id: string) => ({ pk: `${UNDELIVERABLE}#${id}`, sk: UNDELIVERABLE }),
  /** One administrator's action on the mail, in the one partition of the mail audit, by time. */
  mailAudit: (at: string, id: string) => ({ pk: MAIL_AUDIT, sk: `${at}#${id}` }),
  mailAuditPk: MAIL_AUDIT,
  /** One read of an LA's data, in the access audit's partition of its UTC month, by time. */
  accessAudit: (at: string, id: string) => ({ pk: accessAuditPk(utcMonth(at)), sk: `${at}#${id}` }),
  /** The access audit's partition of one UTC month (`YYYY-MM`). */
  accessAuditPk: (month: string) => accessAuditPk(month),
  /** A staff member of the directory, by the issuer's subject. */
  staff: (sub: string) => ({ pk: `STAFF#${sub}`, sk: 'STAFF' }),
  /** Holds a username for one staff member (usernames are unique, as in Cognito). */
  staffUsername: (username: string) => ({ pk: `STAFF_USERNAME#${username}`, sk: 'STAFF_USERNAME' }),
  /**
   * The single item that held a whole part's register (marks, walk-ins, notes, audit) before
   * registers were split into items; still read, never written.
   */
  legacyRegisterPart: (sessionId: string, part: number) => ({
    pk: `SESSION#${sessionId}`,
    sk: `${ATTENDANCE}${registerPart(part)}`,
  }),
  /** Begins the sort key of every legacy register item of a session. */
  legacyRegisterPrefix: ATTENDANCE,
  /** A part's register head: its attendance code and reopening, versioned. Small. */
  registerHead: (sessionId: string, part: number) => ({
    pk: `SESSION#${sessionId}`,
    sk: `${REGISTER}${registerPart(part)}#HEAD`,
  }),
  /** One person's line on a part's register (a booking id or a walk-in id): mark, note, check-in. */
  registerLine: (sessionId: string, part: number, subject: string) => ({
    pk: `SESSION#${sessionId}`,
    sk: `${REGISTER}${registerPart(part)}#LINE#${subject}`,
  }),
  /** One walk-in added to a part's register. */
  registerWalkIn: (sessionId: string, part: number, id: string) => ({
    pk: `SESSION#${sessionId}`,
    sk: `${REGISTER}${registerPart(part)}#WALKIN#${id}`,
  }),
  /** One change to a part's register, by its idempotency key: written once, so a replay is skipped. */
  registerAudit: (sessionId: string, part: number, key: string) => ({
    pk: `SESSION#${sessionId}`,
    sk: `${REGISTER}${registerPart(part)}#AUDIT#${key}`,
  }),
  /** Begins the sort key of every register item of one part (`part` given) or of every part. */
  registerPrefix: (part?: number) => (part === undefined ? REGISTER : `${REGISTER}${registerPart(part)}#`),
  /** One per trainer assigned to a session; indexed by trainer for "my sessions". */
  trainerAssignment: (sessionId: string, trainerId: string) => ({
    pk: `SESSION#${sessionId}`,
    sk: `${TRAINER}${trainerId}`,
  }),
  /** Begins the sort key of every trainer assignment of a session. */
  trainerAssignmentPrefix: TRAINER,
  /** One reminder of one part of a session, `lead` minutes before it: due work of the reminders job. */
  reminder: (sessionId: string, part: number, leadMinutes: number) => ({
    pk: `SESSION#${sessionId}`,
    sk: `${REMINDER}${String(part).padStart(2, '0')}#${String(leadMinutes).padStart(5, '0')}`,
  }),
  /** Begins the sort key of every reminder of a session. */
  reminderPrefix: REMINDER,
  /** One part of a session on its London date: its trainers' digest, and the parts of a day. */
  partDay: (sessionId: string, part: number) => ({
    pk: `SESSION#${sessionId}`,
    sk: `${PART_DAY}${String(part).padStart(2, '0')}`,
  }),
  /** Begins the sort key of every part-day item of a session. */
  partDayPrefix: PART_DAY,
  /** When the invitations job next looks at a session's bookings: one per published session. */
  invitationLook: (sessionId: string) => ({ pk: `SESSION#${sessionId}`, sk: 'INVITATION_LOOK' }),
  /** A look at a session that a booking's place made due (its pre invitation): one per place, until looked at. */
  placeLook: (sessionId: string, bookingId: string) => ({
    pk: `SESSION#${sessionId}`,
    sk: `PLACE_LOOK#${bookingId}`,
  }),
  /** One questionnaire invitation sent to one booking of the session: recorded once per kind. */
  sentInvitation: (sessionId: string, bookingId: string, kind: string) => ({
    pk: `SESSION#${sessionId}`,
    sk: `${INVITED}${bookingId}#${kind}`,
  }),
  /** Begins the sort key of every invitation recorded for a session's bookings. */
  sentInvitationPrefix: INVITED,
  /** An interest alert. */
  interestAlert: (id: string) => ({ pk: `ALERT#${id}`, sk: 'ALERT' }),
  /** One per open alert of a person on a course: enforces "one open alert per address and course". */
  alertPerson: (courseId: string, emailKey: string) => ({
    pk: `COURSE#${courseId}`,
    sk: `ALERT_PERSON#${emailHash(emailKey)}`,
  }),
  /** The number of open alerts of a course whose people gave this LA. */
  alertCount: (courseId: string, laCode: string) => ({
    pk: `COURSE#${courseId}`,
    sk: `ALERT_COUNT#${laCode}`,
  }),
  /** A certificate of attendance, by its verification code. */
  certificate: (code: string) => ({ pk: `CERTIFICATE#${code}`, sk: 'CERTIFICATE' }),
  /** The partition of a course's or a session's materials, apart from the owner's own partition. */
  materials: (owner: { kind: 'course' | 'session'; id: string }) =>
    `MATERIALS#${owner.kind.toUpperCase()}#${owner.id}`,
  /** One material in its owner's partition; ids are roughly time-ordered, so the query reads oldest first. */
  material: (owner: { kind: 'course' | 'session'; id: string }, id: string) => ({
    pk: keys.materials(owner),
    sk: `${MATERIAL}${id}`,
  }),
  /** Begins the sort key of every material of an owner. */
  materialPrefix: MATERIAL,
  /** One version of a questionnaire template (4 digits, so versions sort in number order). */
  questionnaireTemplate: (id: string, version: number) => ({
    pk: `QTEMPLATE#${id}`,
    sk: `${TEMPLATE_VERSION}${String(version).padStart(4, '0')}`,
  }),
  questionnaireTemplatePk: (id: string) => `QTEMPLATE#${id}`,
  /** Begins the sort key of every version of a template. */
  questionnaireTemplateVersionPrefix: TEMPLATE_VERSION,
  /** The template a course uses for one kind of questionnaire, where it has its own. */
  courseQuestionnaire: (courseId: string, kind: string) => ({
    pk: `COURSE#${courseId}`,
    sk: `QTEMPLATE#${kind}`,
  }),
  /** A booking's answers to one kind of questionnaire, beside the booking. */
  questionnaireResponse: (bookingId: string, kind: string) => ({
    pk: `BOOKING#${bookingId}`,
    sk: `RESPONSE#${kind}`,
  }),
  /** What one booking last added to the take-up aggregates, beside the booking. */
  takeUpContribution: (bookingId: string) => ({ pk: `BOOKING#${bookingId}`, sk: 'TAKEUP' }),
  /** England's and each LA's take-up counts of one London day, in its month's partition. */
  takeUpDay: (day: string) => ({ pk: keys.takeUpDayPk(day.slice(0, 7)), sk: day }),
  /** The partition of a month's take-up days (`yyyy-mm`). */
  takeUpDayPk: (month: string) => `${TAKEUP_DAY}${month}`,
  /** The same counts summed over one calendar month (`yyyy-mm`), in its year's partition. */
  takeUpMonth: (month: string) => ({ pk: keys.takeUpMonthPk(month.slice(0, 4)), sk: month }),
  /** The partition of a calendar year's take-up months (`yyyy`). */
  takeUpMonthPk: (year: string) => `${TAKEUP_MONTH}${year}`,
  /** The people and settings reached in an area in the academic year starting in `year`. */
  takeUpReach: (year: number, area: TakeUpArea) => ({ pk: keys.takeUpReachPk(year), sk: takeUpAreaSk(area) }),
  /** The partition of an academic year's reach: one item per area. */
  takeUpReachPk: (year: number) => `${TAKEUP_REACH}${year}`,
  /** How many of a person's places booked count in an area in an academic year (a distinct count's marker). */
  takeUpPerson: (year: number, area: TakeUpArea, emailKey: string) => ({
    pk: `${TAKEUP_PERSON}${year}#${takeUpAreaSk(area)}#${countedKey('', emailKey)}`,
    sk: 'TAKEUP_PERSON',
  }),
  /** How many places booked name a setting (`urn:<urn>` or `name:<normalised name>`) in an LA in a year. */
  takeUpSetting: (year: number, laCode: string, setting: string) => ({
    pk: `${TAKEUP_SETTING}${year}#${laCode}#${settingKey(setting)}`,
    sk: 'TAKEUP_SETTING',
  }),
  /** Records that the demo seed of this name finished (local stack only). */
  seedMarker: (name: string) => ({ pk: `SEED#${name}`, sk: 'SEED' }),
}

/**
 * What the partition key of each kind of item begins with, from the key functions above: the
 * functions' IAM grants name the items they may touch by these (`dynamodb:LeadingKeys`).
 */
export const partitionPrefixes = {
  booking: keys.booking('').pk,
  session: keys.session('').pk,
  course: keys.course('').pk,
  interestAlert: keys.interestAlert('').pk,
  staff: keys.staff('').pk,
  undeliverable: keys.undeliverable('').pk,
  outbox: keys.outbox('').pk,
  certificate: keys.certificate('').pk,
  questionnaireTemplate: keys.questionnaireTemplatePk(''),
  takeUpDay: keys.takeUpDayPk(''),
  takeUpMonth: keys.takeUpMonthPk(''),
  takeUpReach: TAKEUP_REACH,
  takeUpPerson: TAKEUP_PERSON,
  takeUpSetting: TAKEUP_SETTING,
} as const

const sessionListingPk = (month: string) => `SESSIONS#${month}`
const sessionSchedulePk = (month: string) => `SCHEDULE#${month}`
const registerPk = (sessionId: string) => `REGISTER#${sessionId}`
const trainerSessionsPk = (trainerId: string) => `${TRAINER}${trainerId}`
const personBookingsPk = (emailKey: string) => `${PERSON}${emailHash(emailKey)}`
const partsOnDayPk = (date: string) => `DAY#${date}`
const openAlertsPk = (courseId: string) => `ALERTS#${courseId}`
const sessionResponsesPk = (sessionId: string) => `RESPONSES#${sessionId}`
const laAccessAuditPk = (laCode: string) => `AUDIT_LA#${laCode}`
const subjectAccessAuditPk = (subject: string) => `AUDIT_SUBJECT#${subject}`
const personAlertsPk = (emailKey: string) => `ALERT_PERSON#${emailHash(emailKey)}`
const personWalkInsPk = (emailKey: string) => `WALKIN_PERSON#${emailHash(emailKey)}`
const emailsAboutPk = (subjectId: string) => `EMAILS_ABOUT#${subjectId}`
const bookingCertificatesPk = (bookingId: string) => `CERTIFICATES_OF#${bookingId}`

/** Index keys, and the partition key of each index partition a query reads (`…Pk`). */
function laBookingsPk(laCode: string): string {
  return `LA#${laCode}`
}

export const indexKeys = {
  /** gsi1: published sessions by UTC month of their start. */
  sessionListing: (startsAt: string, id: string) => ({
    gsi1pk: sessionListingPk(utcMonth(startsAt)),
    gsi1sk: `${new Date(startsAt).toISOString()}#${id}`,
  }),
  sessionListingPk,
  /** gsi2: every session, drafts and cancelled ones too, by UTC month of its start (the admin list). */
  sessionSchedule: (startsAt: string, id: string) => ({
    gsi2pk: sessionSchedulePk(utcMonth(startsAt)),
    gsi2sk: `${new Date(startsAt).toISOString()}#${id}`,
  }),
  sessionSchedulePk,
  /** gsi1: a session's register. */
  register: (sessionId: string, createdAt: string, bookingId: string) => ({
    gsi1pk: registerPk(sessionId),
    gsi1sk: `${createdAt}#${bookingId}`,
  }),
  registerPk,
  /** gsi1: a trainer's sessions by start. */
  trainerSessions: (trainerId: string, startsAt: string, sessionId: string) => ({
    gsi1pk: trainerSessionsPk(trainerId),
    gsi1sk: `${new Date(startsAt).toISOString()}#${sessionId}`,
  }),
  trainerSessionsPk,
  /** gsi1: the catalogue. */
  courseListing: (title: string, id: string) => ({ gsi1pk: COURSES, gsi1sk: `${title}#${id}` }),
  courseListingPk: COURSES,
  partnerListing: (name: string, id: string) => ({ gsi1pk: PARTNERS, gsi1sk: `${name}#${id}` }),
  partnerListingPk: PARTNERS,
  /** gsi1: the staff directory by username. */
  staffListing: (username: string) => ({ gsi1pk: STAFF, gsi1sk: username }),
  staffListingPk: STAFF,
  /** gsi1: outbox items parked after their last attempt, by when they were parked. */
  parkedOutbox: (at: string, id: string) => ({ gsi1pk: PARKED_OUTBOX, gsi1sk: `${at}#${id}` }),
  parkedOutboxPk: PARKED_OUTBOX,
  /** gsi1: undeliverable addresses, by when they were reported. */
  undeliverableListing: (at: string, id: string) => ({ gsi1pk: UNDELIVERABLE, gsi1sk: `${at}#${id}` }),
  undeliverableListingPk: UNDELIVERABLE,
  /** gsi2: a person's bookings by session start. */
  personBookings: (emailKey: string, startsAt: string, bookingId: string) => ({
    gsi2pk: personBookingsPk(emailKey),
    gsi2sk: `${startsAt}#${bookingId}`,
  }),
  personBookingsPk,
  /** gsi1: a course's open alerts by when they were asked for (removed when an alert closes). */
  openAlerts: (courseId: string, createdAt: string, id: string) => ({
    gsi1pk: openAlertsPk(courseId),
    gsi1sk: `${createdAt}#${id}`,
  }),
  openAlertsPk,
  /** gsi1: every count of open alerts, by course and LA (the national dashboard reads them all). */
  alertCounts: (courseId: string, laCode: string) => ({
    gsi1pk: ALERT_COUNTS,
    gsi1sk: `${courseId}#${laCode}`,
  }),
  alertCountsPk: ALERT_COUNTS,
  /** gsi1: a session's questionnaire responses, by kind and booking. */
  sessionResponses: (sessionId: string, kind: string, bookingId: string) => ({
    gsi1pk: sessionResponsesPk(sessionId),
    gsi1sk: `${kind}#${bookingId}`,
  }),
  sessionResponsesPk,
  /** gsi1: every version of every questionnaire template, by template and version. */
  templateListing: (id: string, version: number) => ({
    gsi1pk: TEMPLATES,
    gsi1sk: `${id}#${TEMPLATE_VERSION}${String(version).padStart(4, '0')}`,
  }),
  templateListingPk: TEMPLATES,
  /** gsi1: every template attached to a course, by course and kind. */
  courseTemplateListing: (courseId: string, kind: string) => ({
    gsi1pk: COURSE_TEMPLATES,
    gsi1sk: `${courseId}#${kind}`,
  }),
  courseTemplateListingPk: COURSE_TEMPLATES,
  /** gsi1: the access audit's entries of one LA, by time. */
  laAccessAudit: (laCode: string, at: string, id: string) => ({
    gsi1pk: laAccessAuditPk(laCode),
    gsi1sk: `${at}#${id}`,
  }),
  laAccessAuditPk,
  /** gsi2: the subject accesses of one address, by the hash the entry holds (`subject`). */
  subjectAccessAudit: (subject: string, at: string, id: string) => ({
    gsi2pk: subjectAccessAuditPk(subject),
    gsi2sk: `${at}#${id}`,
  }),
  subjectAccessAuditPk,
  /** gsi2: a person's interest alerts, any status, by when they were asked for. */
  personAlerts: (emailKey: string, createdAt: string, id: string) => ({
    gsi2pk: personAlertsPk(emailKey),
    gsi2sk: `${createdAt}#${id}`,
  }),
  personAlertsPk,
  /** gsi2: the walk-ins recorded with an address (a walk-in item that has one), for subject access. */
  personWalkIns: (emailKey: string, sessionId: string, part: number, id: string) => ({
    gsi2pk: personWalkInsPk(emailKey),
    gsi2sk: `${sessionId}#${part}#${id}`,
  }),
  personWalkInsPk,
  /** gsi2: the emails about one booking or alert (what `bookingId` or `alertId` names), by when queued. */
  emailsAbout: (subjectId: string, createdAt: string, id: string) => ({
    gsi2pk: emailsAboutPk(subjectId),
    gsi2sk: `${createdAt}#${id}`,
  }),
  emailsAboutPk,
  /** gsi2: the certificates recorded for one booking, by code. */
  bookingCertificates: (bookingId: string, code: string) => ({
    gsi2pk: bookingCertificatesPk(bookingId),
    gsi2sk: code,
  }),
  bookingCertificatesPk,
  /** gsi3: an LA's bookings by session start. */
  laBookings: (laCode: string, startsAt: string, bookingId: string) => ({
    gsi3pk: laBookingsPk(laCode),
    gsi3sk: `${startsAt}#${bookingId}`,
  }),
  /** gsi3: the partition of an LA's bookings. */
  laBookingsPk,
  /** gsi3: the parts of published sessions with trainers on one London date, by start. */
  partsOnDay: (date: string, startsAt: string, sessionId: string, part: number) => ({
    gsi3pk: partsOnDayPk(date),
    gsi3sk: `${new Date(startsAt).toISOString()}#${sessionId}#${String(part).padStart(2, '0')}`,
  }),
  partsOnDayPk,
}

/** The kinds of work the `gsi4` index holds until it is done, each in a partition of its own. */
export type DueKind = 'offer' | 'outbox' | 'reminder' | 'trainer-digest' | 'invitation'

/** gsi4 keys of work that falls due at `at` (a sparse index: remove both once it is done). */
export const dueKeys = {
  due: (kind: DueKind, at: Date | string, id: string) => ({
    duePk: `DUE#${kind}`,
    dueSk: `${new Date(at).toISOString()}#${id}`,
  }),
  duePk: (kind: DueKind) => `DUE#${kind}`,
  /** The sort key bound for "due at or before `now`": every instant then sorts below it. */
  dueBy: (now: Date) => `${now.toISOString()}#\uffff`,
}

/** An area take-up is reported for: England, a region or an LA (by its code). */
export type TakeUpArea = { kind: 'england' } | { kind: 'region' | 'la'; code: string }

function takeUpAreaSk(area: TakeUpArea): string {
  if (area.kind === 'england') return TAKEUP_ENGLAND
  return `${area.kind === 'region' ? TAKEUP_REGION : TAKEUP_LA}${area.code}`
}

/** The area a reach item's sort key names; undefined for a key that names none. */
export function takeUpAreaOf(sk: string): TakeUpArea | undefined {
  if (sk === TAKEUP_ENGLAND) return { kind: 'england' }
  if (sk.startsWith(TAKEUP_REGION)) return { kind: 'region', code: sk.slice(TAKEUP_REGION.length) }
  if (sk.startsWith(TAKEUP_LA)) return { kind: 'la', code: sk.slice(TAKEUP_LA.length) }
  return undefined
}

/** Email addresses never appear in keys: a hash of the normalised address stands for them. */
export function emailHash(emailKey: string): string {
  return sha256Key(emailKey)
}

/**
 * The key hash of a text, also when the text is the pseudonym of an erased booking (`anon:` and
 * the SHA-256 in hex, see `pseudonym` in the domain): then the hash of the text it stands for, so
 * a take-up marker keeps its key when the booking it counts is erased. `prefix` is put before the
 * text (`name:`, `urn:`), and is part of what the pseudonym stands for.
 */
function settingKey(setting: string): string {
  const [, prefix = '', text = setting] = /^(name:|urn:)(.*)$/s.exec(setting) ?? []
  return countedKey(prefix, text)
}

function countedKey(prefix: string, text: string): string {
  return isPseudonym(text)
    ? Buffer.from(pseudonymDigest(text), 'hex').toString('base64url').slice(0, 32)
    : sha256Key(`${prefix}${text}`)
}

/** A short hash of personal text (an address, a setting's name) that stands for it in a key. */
function sha256Key(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 32)
}
