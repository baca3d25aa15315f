import { type CertificateRecord, CertificateRecordSchema, type CertificateStore } from '@ey/domain'
import { GetCommand, PutCommand } from './client/index.ts'
import { withoutKeys } from './items.ts'
import { indexKeys, keys } from './keys.ts'
import type { TableAccess } from './query.ts'

/** Certificates on DynamoDB: one item per verification code, holding only what the code shows. */
export function createCertificateStore(table: TableAccess): CertificateStore {
  const { doc, tableName } = table
  return {
    async record(certificate) {
      // The same booking always gets the same code and content, so writing it again is harmless.
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keys.certificate(certificate.code),
            ...indexKeys.bookingCertificates(certificate.bookingId, certificate.code),
            type: 'certificate',
            ...certificate,
          },
        }),
      )
    },
    async find(code) {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.certificate(code) }))
      if (!Item) return undefined
      return CertificateRecordSchema.parse(withoutKeys(Item)) satisfies CertificateRecord
    },
  }
}
