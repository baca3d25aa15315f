import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb'
import {
  AccessAuditEntrySchema,
  type Booking,
  CertificateRecordSchema,
  type EmailRecord,
  InterestAlertSchema,
  normaliseEmail,
  OutboxMessageSchema,
  type PersonalDataStore,
  UndeliverableAddressSchema,
} from '@ey/domain'
import { bookingItem, withoutKeys } from './items.ts'
import { emailHash, indexKeys, keys } from './keys.ts'
import { queryAll, queryIndex, queryPages, type TableAccess } from './query.ts'
import { responseItem } from './questionnaire-store.ts'
import { transact } from './transactions.ts'

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
