import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb'
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb'
import {
  type CatalogueRepository,
  type Course,
  monthsBetween,
  type Partner,
  RepositoryError,
  type Session,
} from '@ey/domain'
import { courseItem, partnerItem, sessionItem } from './items.ts'
import { indexKeys, keys } from './keys.ts'
import { trainerAssignmentItems } from './register-repository.ts'
import { transact } from './transactions.ts'

export interface CatalogueOptions {
  doc: DynamoDBDocumentClient
  tableName: string
}

/** Writes to the catalogue; `ifAbsent` leaves an existing item (and its live counters) untouched. */
export interface CatalogueWriter {
  putPartner(partner: Partner, mode?: 'ifAbsent' | 'replace'): Promise<boolean>
  putCourse(course: Course, mode?: 'ifAbsent' | 'replace'): Promise<boolean>
  /**
   * New sessions only (with their trainers' index items): a session's counters are owned by the
   * booking engine once it exists.
   */
  createSession(session: Session): Promise<boolean>
}

/** Reads of partners, courses and the published session listing. No request path scans. */
export function createDynamoCatalogueRepository(
  options: CatalogueOptions,
): CatalogueRepository & CatalogueWriter {
  const { doc, tableName } = options

  async function queryAll(indexPk: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = []
    let ExclusiveStartKey: Record<string, unknown> | undefined
    do {
      const page = await doc.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': indexPk },
          ExclusiveStartKey,
        }),
      )
      items.push(...(page.Items ?? []))
      ExclusiveStartKey = page.LastEvaluatedKey
    } while (ExclusiveStartKey)
    return items
  }

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
    listPartners: async () => (await queryAll('PARTNERS')).map(partnerItem.from),
    listCourses: async () => (await queryAll('COURSES')).map(courseItem.from),
    async getCourse(id) {
      const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: keys.course(id) }))
      return Item ? courseItem.from(Item) : undefined
    },
    async *listPublishedSessions({ from, to, after }) {
      const fromKey = from.toISOString()
      const afterKey = after ? `${new Date(after.startsAt).toISOString()}#${after.id}` : undefined
      const start = afterKey && afterKey > fromKey ? new Date(after?.startsAt ?? from) : from
      for (const month of monthsBetween(start, to)) {
        let ExclusiveStartKey: Record<string, unknown> | undefined
        do {
          const page = await doc.send(
            new QueryCommand({
              TableName: tableName,
              IndexName: 'gsi1',
              KeyConditionExpression:
                afterKey && afterKey > fromKey
                  ? 'gsi1pk = :pk AND gsi1sk > :lo'
                  : 'gsi1pk = :pk AND gsi1sk >= :lo',
              ExpressionAttributeValues: {
                ':pk': indexKeys.sessionListingPk(month),
                ':lo': afterKey && afterKey > fromKey ? afterKey : fromKey,
              },
              ExclusiveStartKey,
            }),
          )
          for (const item of page.Items ?? []) {
            const session = sessionItem.from(item)
            if (new Date(session.parts[0]?.startsAt ?? 0) >= to) return
            yield session
          }
          ExclusiveStartKey = page.LastEvaluatedKey
        } while (ExclusiveStartKey)
      }
    },
    putPartner: (partner, mode = 'ifAbsent') => put(partnerItem.to(partner), mode === 'ifAbsent'),
    putCourse: (course, mode = 'ifAbsent') => put(courseItem.to(course), mode === 'ifAbsent'),
    async createSession(session) {
      // The trainers' index items go with the session, so "my sessions" lists it at once.
      const cancellation = await transact(doc, [
        {
          Put: {
            TableName: tableName,
            Item: sessionItem.to(session),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        ...trainerAssignmentItems(session).map((Item) => ({ Put: { TableName: tableName, Item } })),
      ])
      return cancellation === undefined
    },
  }
}
