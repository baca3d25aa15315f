import type {
  AbuseLimits,
  AccessAudit,
  AlertTokens,
  BookingDeps,
  BookingLookup,
  CatalogueRepository,
  CatalogueStore,
  CertificateStore,
  CodeAttemptStore,
  InterestAlertStore,
  LaBookings,
  MailAudit,
  ManageLinkStore,
  MaterialFiles,
  MaterialStore,
  OutboxStore,
  PersonalDataStore,
  QuestionnaireAnswers,
  QuestionnaireStore,
  RateLimiter,
  RegisterRepository,
  ResultsReaders,
  SessionStore,
  StaffAccounts,
  StaffDirectory,
  TakeUpStats,
  UndeliverableAddresses,
} from '@ey/domain'
import type { Logger } from '@ey/runtime'
import type { StaffVerifier } from './auth/staff-verifier.ts'

/** The part of the logger the API uses; narrow, so tests can record what is logged. */
export type ApiLogger = Pick<Logger, 'info' | 'error' | 'appendKeys' | 'resetKeys'>

/** Everything the HTTP API needs: the booking use cases' ports, the catalogue, a logger and the site. */
export interface ApiDeps extends BookingDeps {
  catalogue: CatalogueRepository
  /** A person's bookings by email, for "find my bookings". */
  lookup: BookingLookup
  /** A person's manage links, renewed by "send me new links". */
  manageLinks: ManageLinkStore
  /** Emails queued outside a booking change ("find my bookings"), and failed ones for administrators. */
  outbox: OutboxStore
  /** Addresses no email goes to, which administrators see and clear. */
  undeliverable: UndeliverableAddresses
  /** Administrators' actions on the mail. */
  mailAudit: MailAudit
  /** The audit log of reads of LA data: every download is recorded before it is sent. */
  accessAudit: AccessAudit
  /** Personal data by booking and address: subject access (export and erase). */
  personalData: PersonalDataStore
  /** The administrators' session writes and their list of every session. */
  sessions: SessionStore
  /** Partners and courses, written by administrators. */
  catalogueWriter: CatalogueStore
  /** Interest alerts: asked for on the site, stopped by their emails' links. */
  alerts: InterestAlertStore
  alertTokens: AlertTokens
  /** Questionnaire templates and answers, opened by the manage token. */
  questionnaires: QuestionnaireStore
  /** Registers per session part, and a trainer's sessions. */
  registers: RegisterRepository
  /** Wrong attendance codes per booking: code entry locks after a few (`CODE_ATTEMPT_POLICY`). */
  codeAttempts: CodeAttemptStore
  /** Request counts per window: booking, find-my-bookings and check-in are limited per address and email. */
  rateLimits: RateLimiter
  /** The rate limits and the waiting-list cap in force. */
  limits: AbuseLimits
  /** Certificates of attendance by verification code. */
  certificates: CertificateStore
  /** Whether a booking answered a questionnaire (the certificate's condition). */
  answers: QuestionnaireAnswers
  /** Questionnaire responses and the template versions they were given, for `GET /api/staff/results`. */
  results: ResultsReaders
  /** Materials of courses and sessions, and their files behind short-lived signed links. */
  materials: MaterialStore
  materialFiles: MaterialFiles
  /** An LA's own bookings by session start, for its summary and its downloads. */
  laBookings: LaBookings
  /** Take-up of England, regions and LAs from the aggregates: beside an LA's own figures, and the national picture. */
  takeUpStats: TakeUpStats
  logger: ApiLogger
  /** The public site's origin (e.g. `https://training.example.org`): manage links point there. */
  siteUrl: string
  /** Verifies staff bearer tokens; every staff route goes through `requireStaff(deps.staff, ...)`. */
  staff: StaffVerifier
  /** Who is staff (roles, LAs), and their sign-in accounts at the issuer. */
  staffDirectory: StaffDirectory
  staffAccounts: StaffAccounts
  /** What the site needs to start staff sign-in (public values only). */
  staffSignIn: StaffSignIn
  /** The reminder leads of a session that sets none of its own (`REMINDER_LEADS_MINUTES`), which the session form ticks. */
  reminderLeadsMinutes: readonly number[]
}

/** The OpenID Connect settings of staff sign-in, as the site reads them. */
export interface StaffSignIn {
  issuer: string
  clientId: string
  /** Base of the OAuth endpoints (`/oauth2/authorize`, `/oauth2/token`, `/logout`): Cognito's domain. */
  authUrl: string
}

/**
 * What the routes of a practitioner's first steps use (`mountFirstStepRoutes`): all the Lambda
 * builds at start; the rest of `ApiDeps` is built with the first request handed to the whole app.
 */
export type FirstStepDeps = Pick<
  ApiDeps,
  | 'logger'
  | 'siteUrl'
  | 'bookings'
  | 'catalogue'
  | 'clock'
  | 'ids'
  | 'fingerprints'
  | 'tokens'
  | 'las'
  | 'policy'
  | 'limits'
  | 'rateLimits'
  | 'outbox'
  | 'lookup'
  | 'manageLinks'
  | 'alerts'
  | 'alertTokens'
>
