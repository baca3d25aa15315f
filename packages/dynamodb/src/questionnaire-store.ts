import {
  DomainError,
  QUESTIONNAIRE_KINDS,
  QuestionnaireKindSchema,
  type QuestionnaireResponse,
  QuestionnaireResponseSchema,
  type QuestionnaireStore,
  type QuestionnaireTemplate,
  QuestionnaireTemplateSchema,
  RepositoryError,
} from '@ey/domain'
import { batchGet } from './batch-get.ts'
import { ConditionalCheckFailedException, DeleteCommand, GetCommand, PutCommand } from './client/index.ts'
import { withoutKeys } from './items.ts'
import { indexKeys, keys } from './keys.ts'
import { queryIndex, queryLast, queryPrefix, type TableAccess } from './query.ts'
import { DEFAULT_RETRY } from './retry.ts'

const templateItem = {
  to: (template: QuestionnaireTemplate) => ({
    ...keys.questionnaireTemplate(template.id, template.version),
    ...indexKeys.templateListing(template.id, template.version),
    type: 'questionnaire-template',
    ...template,
  }),
  from: (item: Record<string, unknown>): QuestionnaireTemplate =>
    QuestionnaireTemplateSchema.parse(withoutKeys(item)),
}

export const responseItem = {
  to: (response: QuestionnaireResponse) => ({
    ...keys.questionnaireResponse(response.bookingId, response.kind),
    ...indexKeys.sessionResponses(response.sessionId, response.kind, response.bookingId),
    type: 'questionnaire-response',
    ...response,
  }),
  from: (item: Record<string, unknown>): QuestionnaireResponse =>
    QuestionnaireResponseSchema.parse(withoutKeys(item)),
}

/**
 * Questionnaires on DynamoDB: each template version an item of its own, written only if absent
 * (so a version, once answered, never changes; the highest is current) and listed on gsi1; a
 * course's own template per kind as a pointer beside the course, listed on gsi1; a response beside
 * its booking, written only if absent (once per booking and kind), read by booking (BatchGet of
 * each kind) or by session on gsi1 for results.
 */
export function createDynamoQuestionnaireStore(table: TableAccess): QuestionnaireStore {
  const { doc, tableName } = table

  async function putOnce(item: Record<string, unknown>, onConflict: DomainError): Promise<void> {
    try {
      await doc.send(
        new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
      )
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw onConflict
      throw new RepositoryError('Questionnaire write failed', error)
    }
  }

  async function get(key: { pk: string; sk: string }) {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))
    return Item
  }

  return {
    async courseTemplateId(courseId, kind) {
      const item = await get(keys.courseQuestionnaire(courseId, kind))
      return typeof item?.templateId === 'string' ? item.templateId : undefined
    },

    async attachTemplate(courseId, kind, templateId) {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...keys.courseQuestionnaire(courseId, kind),
            ...indexKeys.courseTemplateListing(courseId, kind),
            type: 'course-questionnaire',
            courseId,
            kind,
            templateId,
          },
        }),
      )
    },

    async detachTemplate(courseId, kind) {
      await doc.send(
        new DeleteCommand({ TableName: tableName, Key: keys.courseQuestionnaire(courseId, kind) }),
      )
    },

    async attachments() {
      const items = await queryIndex(table, 'gsi1', indexKeys.courseTemplateListingPk)
      return items.map((item) => ({
        courseId: String(item.courseId),
        kind: QuestionnaireKindSchema.parse(item.kind),
        templateId: String(item.templateId),
      }))
    },

    async listTemplates() {
      const items = await queryIndex(table, 'gsi1', indexKeys.templateListingPk)
      // Sorted by template then version, so the last of each template is its latest.
      const latest = new Map(items.map(templateItem.from).map((template) => [template.id, template]))
      return [...latest.values()]
    },

    async templateVersions(templateId) {
      const items = await queryPrefix(
        table,
        keys.questionnaireTemplatePk(templateId),
        keys.questionnaireTemplateVersionPrefix,
      )
      return items.map(templateItem.from)
    },

    async latestVersion(templateId) {
      const item = await queryLast(
        table,
        keys.questionnaireTemplatePk(templateId),
        keys.questionnaireTemplateVersionPrefix,
      )
      return item ? templateItem.from(item) : undefined
    },

    async templateVersion(templateId, version) {
      const item = await get(keys.questionnaireTemplate(templateId, version))
      return item ? templateItem.from(item) : undefined
    },

    async addTemplateVersion(template) {
      await putOnce(templateItem.to(template), new DomainError('already-exists'))
    },

    async getResponse(bookingId, kind) {
      const item = await get(keys.questionnaireResponse(bookingId, kind))
      return item ? responseItem.from(item) : undefined
    },

    async saveResponse(response) {
      await putOnce(responseItem.to(response), new DomainError('questionnaire-answered'))
    },

    async forSessions(sessionIds) {
      const pages = await Promise.all(
        sessionIds.map((id) => queryIndex(table, 'gsi1', indexKeys.sessionResponsesPk(id))),
      )
      return pages.flat().map(responseItem.from)
    },

    async forBookings(bookingIds) {
      const responseKeys = bookingIds.flatMap((id) =>
        QUESTIONNAIRE_KINDS.map((kind) => keys.questionnaireResponse(id, kind)),
      )
      const items = await batchGet(table, responseKeys, DEFAULT_RETRY)
      return items.map(responseItem.from)
    },
  }
}
