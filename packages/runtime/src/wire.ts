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
  InvitationStore,
  LaBookings,
  MailAudit,
  ManageLinkStore,
  MaterialStore,
  OutboxStore,
  PersonalDataStore,
  QuestionnaireAnswers,
  QuestionnaireStore,
  RateLimiter,
  RegisterRepository,
  ReminderSchedule,
  ResultsReaders,
  SessionStore,
  StaffDirectory,
  TakeUpStats,
  UndeliverableAddresses,
} from '@ey/domain'
import {
  wireAccessAudit,
  wireAlerts,
  wireAnswers,
  wireBookings,
  wireCatalogue,
  wireCertificates,
  wireCodeAttempts,
  wireInvitations,
  wireLaBookings,
  wireLookup,
  wireMailAudit,
  wireManageLinks,
  wireMaterials,
  wireOutbox,
  wirePersonalData,
  wireQuestionnaires,
  wireRateLimits,
  wireRegisters,
  wireReminders,
  wireResults,
  wireSessions,
  wireStaffDirectory,
  wireTakeUpStats,
  wireUndeliverable,
} from './adapters.ts'
import type { CoreClients } from './clients.ts'
import type { CoreConfig } from './config.ts'
import { wireSettings } from './settings.ts'

/** Every adapter of the table, and the system's clock, ids, fingerprints and tokens. */
export interface CoreDeps extends BookingDeps {
  catalogue: CatalogueRepository & CatalogueStore
  sessions: SessionStore
  lookup: BookingLookup
  /** A person's manage links and their renewal ("send me new links"). */
  manageLinks: ManageLinkStore
  registers: RegisterRepository
  /** Wrong attendance codes per booking (the lock on guessing). */
  codeAttempts: CodeAttemptStore
  /** Request counts per window, for the abuse limits. */
  rateLimits: RateLimiter
  /** The rate limits and caps in force. */
  limits: AbuseLimits
  reminders: ReminderSchedule
  /** The questionnaire invitations: sessions due a look, and the invitations sent. */
  invitations: InvitationStore
  outbox: OutboxStore
  /** Addresses that bounced for good or complained: no email goes to them. */
  undeliverable: UndeliverableAddresses
  /** Administrators' actions on the mail. */
  mailAudit: MailAudit
  staffDirectory: StaffDirectory
  /** Interest alerts, and the counts of open ones by course and LA. */
  alerts: InterestAlertStore
  /** Stop-link tokens of alerts: the manage-token key, kept apart from manage tokens by purpose. */
  alertTokens: AlertTokens
  /** Certificates of attendance by verification code. */
  certificates: CertificateStore
  /** Whether a booking answered a questionnaire (the certificate's condition). */
  answers: QuestionnaireAnswers
  /** Questionnaire templates and the answers given to them. */
  questionnaires: QuestionnaireStore
  /** What results read of the questionnaires: responses by session and the versions they were given. */
  results: ResultsReaders
  /** Materials of courses and sessions (their records; the files are the API's). */
  materials: MaterialStore
  /** An LA's own bookings by session start (its take-up, its downloads). */
  laBookings: LaBookings
  /** Take-up of England, regions and LAs from the aggregates the stats function keeps (no Scan). */
  takeUpStats: TakeUpStats
  /** The audit log of reads of LA data. */
  accessAudit: AccessAudit
  /** Personal data by age, booking and address: the retention job and subject access. */
  personalData: PersonalDataStore
  /** The reminder leads of a session that sets none of its own: the deployment's, as the session store uses them. */
  reminderLeadsMinutes: readonly number[]
}

/**
 * The wiring of a function that may use any of the table: every adapter over one table (each made
 * by its function in `adapters.ts`), the system's clock, ids, fingerprints and manage tokens, the
 * LAs, the booking policy, the abuse limits and the default reminders (which the session store
 * uses); `overrides` replace any of them. The API, the local stack, the benches and tests use it;
 * the mail and jobs functions wire only the adapters their handlers use.
 */
export function wireCore(
  config: CoreConfig,
  clients: CoreClients,
  overrides: Partial<CoreDeps> = {},
): CoreDeps {
  return {
    bookings: wireBookings(config, clients),
    catalogue: wireCatalogue(config, clients),
    sessions: wireSessions(config, clients),
    lookup: wireLookup(config, clients),
    manageLinks: wireManageLinks(config, clients),
    registers: wireRegisters(config, clients),
    codeAttempts: wireCodeAttempts(config, clients),
    rateLimits: wireRateLimits(config, clients),
    reminders: wireReminders(config, clients),
    invitations: wireInvitations(config, clients),
    outbox: wireOutbox(config, clients),
    undeliverable: wireUndeliverable(config, clients),
    mailAudit: wireMailAudit(config, clients),
    staffDirectory: wireStaffDirectory(config, clients),
    alerts: wireAlerts(config, clients),
    certificates: wireCertificates(config, clients),
    questionnaires: wireQuestionnaires(config, clients),
    answers: wireAnswers(config, clients),
    results: wireResults(config, clients),
    materials: wireMaterials(config, clients),
    laBookings: wireLaBookings(config, clients),
    takeUpStats: wireTakeUpStats(config, clients),
    accessAudit: wireAccessAudit(config, clients),
    personalData: wirePersonalData(config, clients),
    ...wireSettings(config),
    ...overrides,
  }
}
