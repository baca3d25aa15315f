import {
  type AbuseLimits,
  type AccessAudit,
  type AlertTokens,
  type BookingDeps,
  type BookingLookup,
  type CatalogueRepository,
  type CatalogueStore,
  type CertificateStore,
  type CodeAttemptStore,
  DEFAULT_ABUSE_LIMITS,
  DEFAULT_POLICY,
  DEFAULT_REMINDER_LEADS_MINUTES,
  type InterestAlertStore,
  type InvitationStore,
  type LaBookings,
  type MailAudit,
  type ManageLinkStore,
  type MaterialStore,
  type OutboxStore,
  type PersonalDataStore,
  type QuestionnaireAnswers,
  type QuestionnaireStore,
  questionnaireReaders,
  type RateLimiter,
  type RegisterRepository,
  type ReminderSchedule,
  type ResultsReaders,
  type SessionStore,
  type StaffDirectory,
  type TakeUpStats,
  type UndeliverableAddresses,
} from '@ey/domain'
import {
  createCertificateStore,
  createDynamoAccessAudit,
  createDynamoBookingLookup,
  createDynamoBookingRepository,
  createDynamoCatalogueRepository,
  createDynamoCodeAttemptStore,
  createDynamoInterestAlertStore,
  createDynamoInvitationStore,
  createDynamoLaBookings,
  createDynamoManageLinkStore,
  createDynamoMaterialStore,
  createDynamoPersonalDataStore,
  createDynamoQuestionnaireStore,
  createDynamoRateLimiter,
  createDynamoRegisterRepository,
  createDynamoReminderSchedule,
  createDynamoSessionStore,
  createDynamoStaffDirectory,
  createDynamoTakeUpStats,
  createMailAudit,
  createOutboxStore,
  createUndeliverableStore,
} from '@ey/dynamodb'
import { DocumentClient } from '@ey/dynamodb/client'
import { LOCAL_AUTHORITIES, localAuthorities } from '@ey/reference-data'
import type { CoreConfig } from './config.ts'
import { hmacTokens, randomIds, sha256Fingerprints, systemClock } from './system.ts'

/** The clients every function shares: the table's document client. */
export interface CoreClients {
  doc: DocumentClient
}

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

/** The shared clients for this configuration (DynamoDB Local's endpoint when it names one). */
export function coreClients(config: Pick<CoreConfig, 'dynamodbEndpoint'>): CoreClients {
  const endpoint = config.dynamodbEndpoint
  return { doc: new DocumentClient(endpoint ? { endpoint } : {}) }
}

/**
 * The wiring every function builds on: the DynamoDB adapters over one table, the system's clock,
 * ids, fingerprints and manage tokens, the LAs, the booking policy, the abuse limits and the
 * default reminders (which the session store uses); `overrides` replace any of them.
 */
export function wireCore(
  config: CoreConfig,
  clients: CoreClients,
  overrides: Partial<CoreDeps> = {},
): CoreDeps {
  const table = { doc: clients.doc, tableName: config.tableName }
  const questionnaires = createDynamoQuestionnaireStore(table)
  const { answers, ...results } = questionnaireReaders(questionnaires)
  const reminderLeadsMinutes = config.reminderLeadsMinutes ?? DEFAULT_REMINDER_LEADS_MINUTES
  return {
    bookings: createDynamoBookingRepository(table),
    catalogue: createDynamoCatalogueRepository(table),
    sessions: createDynamoSessionStore({ ...table, defaultReminderLeadsMinutes: reminderLeadsMinutes }),
    lookup: createDynamoBookingLookup(table),
    manageLinks: createDynamoManageLinkStore(table),
    registers: createDynamoRegisterRepository(table),
    codeAttempts: createDynamoCodeAttemptStore(table),
    rateLimits: createDynamoRateLimiter(table),
    reminders: createDynamoReminderSchedule(table),
    invitations: createDynamoInvitationStore(table),
    outbox: createOutboxStore(table),
    undeliverable: createUndeliverableStore(table),
    mailAudit: createMailAudit({ ...table, newId: randomIds.newId }),
    staffDirectory: createDynamoStaffDirectory(table),
    alerts: createDynamoInterestAlertStore(table),
    certificates: createCertificateStore(table),
    questionnaires,
    answers,
    results,
    materials: createDynamoMaterialStore(table),
    laBookings: createDynamoLaBookings(table),
    takeUpStats: createDynamoTakeUpStats(table, localAuthorities),
    accessAudit: createDynamoAccessAudit(table),
    personalData: createDynamoPersonalDataStore(
      table,
      LOCAL_AUTHORITIES.map((la) => la.code),
    ),
    clock: systemClock,
    ids: randomIds,
    fingerprints: sha256Fingerprints,
    tokens: hmacTokens(config.manageTokenSecret),
    alertTokens: hmacTokens(config.manageTokenSecret, 'alert-stop'),
    las: localAuthorities,
    policy: {
      ...DEFAULT_POLICY,
      ...(config.manageLinkDays === undefined ? {} : { manageLinkDays: config.manageLinkDays }),
    },
    limits: config.limits ?? DEFAULT_ABUSE_LIMITS,
    reminderLeadsMinutes,
    ...overrides,
  }
}
