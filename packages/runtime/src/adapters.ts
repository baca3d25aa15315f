// How each adapter of the core is made, one function apiece: `wireCore` calls every one, and a
// function that uses only some (the mail and jobs functions) calls those alone, so its bundle
// holds only the stores it uses (esbuild drops a function nobody calls, and the modules only it
// imported).
import {
  type AccessAudit,
  type BookingLookup,
  type BookingRepository,
  type CatalogueRepository,
  type CatalogueStore,
  type CertificateStore,
  type CodeAttemptStore,
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
import type { DocumentClient } from '@ey/dynamodb/client'
import { LOCAL_AUTHORITIES, localAuthorities } from '@ey/reference-data'
import type { CoreClients } from './clients.ts'
import type { CoreConfig } from './config.ts'
import { wireReminderLeads } from './settings.ts'
import { randomIds } from './system.ts'

/** What a table adapter is made from: the table's name (the client is the clients'). */
export type TableConfig = Pick<CoreConfig, 'tableName'>

/** The table's client and name, as every DynamoDB adapter takes them. */
function tableOf(config: TableConfig, clients: CoreClients): { doc: DocumentClient; tableName: string } {
  return { doc: clients.doc, tableName: config.tableName }
}

/** The bookings: places, offers, waiting lists, and the seat counts they move. */
export function wireBookings(config: TableConfig, clients: CoreClients): BookingRepository {
  return createDynamoBookingRepository(tableOf(config, clients))
}

/** Courses and partners, and the catalogue's writes. */
export function wireCatalogue(
  config: TableConfig,
  clients: CoreClients,
): CatalogueRepository & CatalogueStore {
  return createDynamoCatalogueRepository(tableOf(config, clients))
}

/** Sessions, with the default reminders for a session that sets none (`wireReminderLeads`). */
export function wireSessions(
  config: TableConfig & Pick<CoreConfig, 'reminderLeadsMinutes'>,
  clients: CoreClients,
): SessionStore {
  return createDynamoSessionStore({
    ...tableOf(config, clients),
    defaultReminderLeadsMinutes: wireReminderLeads(config),
  })
}

/** A person's bookings by address. */
export function wireLookup(config: TableConfig, clients: CoreClients): BookingLookup {
  return createDynamoBookingLookup(tableOf(config, clients))
}

/** A person's manage links and their renewal. */
export function wireManageLinks(config: TableConfig, clients: CoreClients): ManageLinkStore {
  return createDynamoManageLinkStore(tableOf(config, clients))
}

/** Session registers: attendance, walk-ins and their audit. */
export function wireRegisters(config: TableConfig, clients: CoreClients): RegisterRepository {
  return createDynamoRegisterRepository(tableOf(config, clients))
}

/** Wrong attendance codes per booking. */
export function wireCodeAttempts(config: TableConfig, clients: CoreClients): CodeAttemptStore {
  return createDynamoCodeAttemptStore(tableOf(config, clients))
}

/** Request counts per window. */
export function wireRateLimits(config: TableConfig, clients: CoreClients): RateLimiter {
  return createDynamoRateLimiter(tableOf(config, clients))
}

/** Reminders and trainer digests due. */
export function wireReminders(config: TableConfig, clients: CoreClients): ReminderSchedule {
  return createDynamoReminderSchedule(tableOf(config, clients))
}

/** Sessions due a look for questionnaire invitations, and the invitations sent. */
export function wireInvitations(config: TableConfig, clients: CoreClients): InvitationStore {
  return createDynamoInvitationStore(tableOf(config, clients))
}

/** The emails to send and what became of them. */
export function wireOutbox(config: TableConfig, clients: CoreClients): OutboxStore {
  return createOutboxStore(tableOf(config, clients))
}

/** Addresses that bounced for good or complained. */
export function wireUndeliverable(config: TableConfig, clients: CoreClients): UndeliverableAddresses {
  return createUndeliverableStore(tableOf(config, clients))
}

/** Administrators' actions on the mail, each with a random id. */
export function wireMailAudit(config: TableConfig, clients: CoreClients): MailAudit {
  return createMailAudit({ ...tableOf(config, clients), newId: randomIds.newId })
}

/** Staff by their sign-in subject. */
export function wireStaffDirectory(config: TableConfig, clients: CoreClients): StaffDirectory {
  return createDynamoStaffDirectory(tableOf(config, clients))
}

/** Interest alerts, and the counts of open ones. */
export function wireAlerts(config: TableConfig, clients: CoreClients): InterestAlertStore {
  return createDynamoInterestAlertStore(tableOf(config, clients))
}

/** Certificates of attendance by verification code. */
export function wireCertificates(config: TableConfig, clients: CoreClients): CertificateStore {
  return createCertificateStore(tableOf(config, clients))
}

/** Questionnaire templates and the answers given to them. */
export function wireQuestionnaires(config: TableConfig, clients: CoreClients): QuestionnaireStore {
  return createDynamoQuestionnaireStore(tableOf(config, clients))
}

/** Whether a booking answered a questionnaire, read from the questionnaire store. */
export function wireAnswers(config: TableConfig, clients: CoreClients): QuestionnaireAnswers {
  return questionnaireReaders(wireQuestionnaires(config, clients)).answers
}

/** What results read of the questionnaires: responses by session and the versions they were given. */
export function wireResults(config: TableConfig, clients: CoreClients): ResultsReaders {
  const { responses, templates } = questionnaireReaders(wireQuestionnaires(config, clients))
  return { responses, templates }
}

/** Materials of courses and sessions (their records). */
export function wireMaterials(config: TableConfig, clients: CoreClients): MaterialStore {
  return createDynamoMaterialStore(tableOf(config, clients))
}

/** An LA's own bookings by session start. */
export function wireLaBookings(config: TableConfig, clients: CoreClients): LaBookings {
  return createDynamoLaBookings(tableOf(config, clients))
}

/** Take-up of England, regions and LAs from the stats function's aggregates. */
export function wireTakeUpStats(config: TableConfig, clients: CoreClients): TakeUpStats {
  return createDynamoTakeUpStats(tableOf(config, clients), localAuthorities)
}

/** The audit log of reads of LA data. */
export function wireAccessAudit(config: TableConfig, clients: CoreClients): AccessAudit {
  return createDynamoAccessAudit(tableOf(config, clients))
}

/** Personal data by age, booking and address, over every LA's bookings. */
export function wirePersonalData(config: TableConfig, clients: CoreClients): PersonalDataStore {
  return createDynamoPersonalDataStore(
    tableOf(config, clients),
    LOCAL_AUTHORITIES.map((la) => la.code),
  )
}
