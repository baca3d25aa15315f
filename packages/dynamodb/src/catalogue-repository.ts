import { type CatalogueRepository, type CatalogueStore, monthsBetween, RepositoryError } from '@ey/domain'
import {
  ConditionalCheckFailedException,
  type DocumentClient,
  GetCommand,
  PutCommand,
} from './client/index.ts'
import { courseItem, partnerItem, sessionItem } from './items.ts'
import { indexKeys, keys } from './keys.ts'
import { queryIndex, queryPages } from './query.ts'

export interface CatalogueOptions {
  doc: DocumentClient
  tableName: string
}

/** Reads of partners, courses and the published session listing. No request path scans. */
export function createDynamoCatalogueRepository(
  options: CatalogueOptions,
): CatalogueRepository & CatalogueStore {
  const { doc, tableName } = options

  async function put(item: Record<string, unknown>, ifAbsent: boolean): Promise<boolean> {
    try {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: item,
          ...(ifAbsent ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
        }),
      )
      return true
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false
      throw new RepositoryError('Catalogue write failed', error)
    }
  }

  return {
    listPartners: async () =>
      (await queryIndex(options, 'gsi1', indexKeys.partnerListingPk)).map(partnerItem.from),
    listCourses: async () =>
      (await queryIndex(options, 'gsi1', indexKeys.courseListingPk)).map(courseItem.from),
    async getCourse(id) {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.course(id) }))
      return Item ? courseItem.from(Item) : undefined
    },
    async *listPublishedSessions({ from, to, after }) {
      const fromKey = from.toISOString()
      const afterKey = after ? `${new Date(after.startsAt).toISOString()}#${after.id}` : undefined
      // A cursor past `from` is where the reads start, the session it names left out.
      const cursor = afterKey && afterKey > fromKey ? afterKey : undefined
      const start = cursor && after ? new Date(after.startsAt) : from
      for (const month of monthsBetween(start, to)) {
        const pages = queryPages(options, {
          IndexName: 'gsi1',
          KeyConditionExpression: cursor ? 'gsi1pk = :pk AND gsi1sk > :lo' : 'gsi1pk = :pk AND gsi1sk >= :lo',
          ExpressionAttributeValues: { ':pk': indexKeys.sessionListingPk(month), ':lo': cursor ?? fromKey },
        })
        for await (const page of pages) {
          for (const item of page.Items ?? []) {
            const session = sessionItem.from(item)
            if (new Date(session.parts[0]?.startsAt ?? 0) >= to) return
            yield session
          }
        }
      }
    },
    putPartner: (partner, mode = 'ifAbsent') => put(partnerItem.to(partner), mode === 'ifAbsent'),
    putCourse: (course, mode = 'ifAbsent') => put(courseItem.to(course), mode === 'ifAbsent'),
  }
}
