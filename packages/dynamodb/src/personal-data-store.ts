import {
  AccessAuditEntrySchema,
  AuditEntrySchema,
  type Booking,
  CertificateRecordSchema,
  type EmailRecord,
  InterestAlertSchema,
  normaliseEmail,
  OutboxMessageSchema,
  type PersonalDataStore,
  RegisterEntrySchema,
  type RegisterRecord,
  UndeliverableAddressSchema,
  WalkInSchema,
} from '@ey/domain'
import { batchGet } from './batch-get.ts'
import {
  ConditionalCheckFailedException,
  DeleteCommand,
  GetCommand,
  UpdateCommand,
  type UpdateCommandInput,
} from './client/index.ts'
import { bookingItem, withoutKeys } from './items.ts'
import { emailHash, indexKeys, keys } from './keys.ts'
import { queryAll, queryIndex, queryPages, queryPrefix, type TableAccess } from './query.ts'
import { responseItem } from './questionnaire-store.ts'
import { legacyFrom } from './register-repository.ts'
import { DEFAULT_RETRY } from './retry.ts'
import { transact } from './transactions.ts'

type Item = Record<string, unknown>

/** Register erasures written at once; each is one conditional update. */
const CONCURRENCY = 8

const sessionIdOf = (item: Item) => String(item.pk).slice(keys.session('').pk.length)

/** A stored register item as a record erasure reads; the head (code, reopening) is none. */
function registerRecordFrom(item: Item): RegisterRecord | undefined {
  const sessionId = sessionIdOf(item)
  const part = Number(item.part)
  if (item.type === 'register-line') {
    return {
      kind: 'line',
      sessionId,
      part,
      subject: String(item.subject),
      entry: RegisterEntrySchema.parse(item.entry),
      version: Number(item.version),
    }
  }
  if (item.type === 'register-walk-in')
    return { kind: 'walk-in', sessionId, part, walkIn: WalkInSchema.parse(item.walkIn) }
  if (item.type === 'register-audit')
    return { kind: 'audit', sessionId, part, entry: AuditEntrySchema.parse(item.entry) }
  if (String(item.sk).startsWith(keys.legacyRegisterPrefix))
    return { kind: 'legacy', register: legacyFrom(item) }
  return undefined
}

/** The conditional update that writes a record's erased form: only while it is as read. */
function erasureUpdate(tableName: string, before: RegisterRecord, after: RegisterRecord): UpdateCommandInput {
  const expected = { ConditionExpression: 'attribute_exists(sk)' }
  if (after.kind === 'line' && before.kind === 'line') {
    return {
      TableName: tableName,
      Key: keys.registerLine(after.sessionId, after.part, after.subject),
      // A new version, so a trainer's write that read the old line is refused and reads again.
      UpdateExpression: 'SET entry = :entry, version = :next',
      ConditionExpression: 'version = :version',
      ExpressionAttributeValues: {
        ':entry': after.entry,
        ':version': before.version,
        ':next': before.version + 1,
      },
    }
  }
  if (after.kind === 'walk-in') {
    return {
      TableName: tableName,
      Key: keys.registerWalkIn(after.sessionId, after.part, after.walkIn.id),
      // No longer found by the address it no longer holds.
      UpdateExpression: 'SET walkIn = :walkIn REMOVE gsi2pk, gsi2sk',
      ...expected,
      ExpressionAttributeValues: { ':walkIn': after.walkIn },
    }
  }
  if (after.kind === 'audit') {
    return {
      TableName: tableName,
      Key: keys.registerAudit(after.sessionId, after.part, after.entry.key),
      UpdateExpression: 'SET entry = :entry',
      ...expected,
      ExpressionAttributeValues: { ':entry': after.entry },
    }
  }
  if (after.kind === 'legacy') {
    const { register } = after
    return {
      TableName: tableName,
      Key: keys.legacyRegisterPart(register.sessionId, register.part),
      UpdateExpression: 'SET entries = :entries, walkIns = :walkIns, audit = :audit',
      ConditionExpression: 'version = :version',
      ExpressionAttributeValues: {
        ':entries': register.entries,
        ':walkIns': register.walkIns,
        ':audit': register.audit,
        ':version': register.version,
      },
    }
  }
  throw new Error('A register record cannot change its kind')
}

/**
 * The personal data of bookings, alerts and addresses on DynamoDB, for the retention job and
 * subject access. Old bookings are read LA by LA from gsi3 (`LA#<code>`, sorted by session start),
 * a person's from gsi2 (`PERSON#<hash>`, which an erased booking leaves), and the emails,
 * certificates, alerts and audit entries of a booking or address from their gsi2 keys. No Scan.
 */
export function createDynamoPersonalDataStore(
  table: TableAccess,
  laCodes: readonly string[],
): PersonalDataStore {
  const { doc, tableName } = table

  async function deleteKey(key: { pk: string; sk: string }): Promise<void> {
    await doc.send(new DeleteCommand({ TableName: tableName, Key: key }))
  }

  return {
    async *bookingsStartingBefore(before) {
      for (const laCode of laCodes) {
        for await (const page of queryPages(table, {
          IndexName: 'gsi3',
          KeyConditionExpression: 'gsi3pk = :pk AND gsi3sk < :before',
          ExpressionAttributeValues: {
            ':pk': indexKeys.laBookingsPk(laCode),
            ':before': before.toISOString(),
          },
        })) {
          const bookings = (page.Items ?? []).map(bookingItem.from)
          if (bookings.length > 0) yield bookings
        }
      }
    },

    async bookingsOf(emailKey) {
      const items = await queryIndex(table, 'gsi2', indexKeys.personBookingsPk(emailKey))
      // Read each again from the table: the index may lag, and the erasure is conditioned on what is read.
      const bookings: Booking[] = []
      for (const item of items) {
        const { Item } = await doc.send(
          new GetCommand({
            TableName: tableName,
            Key: keys.booking(item.id as string),
            ConsistentRead: true,
          }),
        )
        if (Item && !Item.erasedAt) bookings.push(bookingItem.from(Item))
      }
      return bookings
    },

    async alertsOf(emailKey) {
      const items = await queryIndex(table, 'gsi2', indexKeys.personAlertsPk(emailKey))
      return items.map((item) => InterestAlertSchema.parse(withoutKeys(item)))
    },

    async emailsAbout(ids) {
      const found = await Promise.all(ids.map((id) => queryIndex(table, 'gsi2', indexKeys.emailsAboutPk(id))))
      return found
        .flat()
        .map(
          (item): EmailRecord => ({ message: OutboxMessageSchema.parse(item), status: String(item.status) }),
        )
    },

    async certificatesOf(bookingIds) {
      const found = await Promise.all(
        bookingIds.map((id) => queryIndex(table, 'gsi2', indexKeys.bookingCertificatesPk(id))),
      )
      return found.flat().map((item) => CertificateRecordSchema.parse(withoutKeys(item)))
    },

    async auditMentions(subject) {
      const items = await queryIndex(table, 'gsi2', indexKeys.subjectAccessAuditPk(subject))
      return items.map((item) => AccessAuditEntrySchema.parse(withoutKeys(item)))
    },

    async deleteEmailsAndCertificates(emailIds, certificateCodes) {
      await Promise.all([
        ...emailIds.map((id) => deleteKey(keys.outbox(id))),
        ...certificateCodes.map((code) => deleteKey(keys.certificate(code))),
      ])
    },

    async deleteAlert(id) {
      await deleteKey(keys.interestAlert(id))
    },

    async eraseBooking({ before, after, responses }) {
      const cancellation = await transact(doc, [
        {
          Put: {
            TableName: tableName,
            Item: bookingItem.to(after),
            ConditionExpression:
              'attribute_exists(pk) AND attribute_not_exists(erasedAt) AND updatedAt = :updatedAt',
            ExpressionAttributeValues: { ':updatedAt': before.updatedAt },
          },
        },
        ...responses.map((response) => ({
          Put: {
            TableName: tableName,
            Item: responseItem.to(response),
            ConditionExpression: 'attribute_exists(pk)',
          },
        })),
      ])
      return cancellation === undefined
    },

    async registerRecords(sessionId) {
      const pk = keys.session(sessionId).pk
      const [items, legacy] = await Promise.all([
        queryPrefix(table, pk, keys.registerPrefix()),
        queryPrefix(table, pk, keys.legacyRegisterPrefix),
      ])
      return [...items, ...legacy].flatMap((item) => registerRecordFrom(item) ?? [])
    },

    async registerLinesAt(lines) {
      const unique = new Map(
        lines.map(({ sessionId, part, subject }) => {
          const key = keys.registerLine(sessionId, part, subject)
          return [`${key.pk}|${key.sk}`, key]
        }),
      )
      const items = await batchGet(table, [...unique.values()], DEFAULT_RETRY, { consistent: true })
      return items.flatMap((item) => registerRecordFrom(item) ?? [])
    },

    async walkInsOf(emailKey) {
      const items = await queryIndex(table, 'gsi2', indexKeys.personWalkInsPk(emailKey))
      return items.flatMap((item) => registerRecordFrom(item) ?? [])
    },

    async eraseRegisterRecords(erasures) {
      const result = { written: 0, changed: 0 }
      for (let i = 0; i < erasures.length; i += CONCURRENCY) {
        await Promise.all(
          erasures.slice(i, i + CONCURRENCY).map(async ({ before, after }) => {
            try {
              await doc.send(new UpdateCommand(erasureUpdate(tableName, before, after)))
              result.written++
            } catch (error) {
              if (!(error instanceof ConditionalCheckFailedException)) throw error
              result.changed++
            }
          }),
        )
      }
      return result
    },

    async undeliverableOf(emailKey) {
      const { Item } = await doc.send(
        new GetCommand({
          TableName: tableName,
          Key: keys.undeliverable(emailHash(normaliseEmail(emailKey))),
          ConsistentRead: true,
        }),
      )
      return Item ? UndeliverableAddressSchema.parse(Item) : undefined
    },

    async undeliverableReportedBefore(before) {
      const items = await queryAll(table, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :before',
        ExpressionAttributeValues: {
          ':pk': indexKeys.undeliverableListingPk,
          ':before': before.toISOString(),
        },
      })
      return items.map((item) => String(item.id))
    },
  }
}
