import { DEFAULT_TEMPLATES, ensureDefaultTemplates } from '@ey/domain'
import { createDynamoQuestionnaireStore } from '@ey/dynamodb'
import { describe, expect, it } from 'vitest'
import { createTestTable } from '../support/dynamo.ts'
import { describeQuestionnaireContract } from '../support/questionnaire-contract.ts'

const table = createTestTable()

describeQuestionnaireContract('the DynamoDB questionnaire store', async () =>
  createDynamoQuestionnaireStore(await table),
)

describe('ensureDefaultTemplates on DynamoDB', () => {
  it('writes version 1 of each default once, however often it runs', async () => {
    const store = createDynamoQuestionnaireStore(await createTestTable())
    await ensureDefaultTemplates(store)
    await ensureDefaultTemplates(store)
    for (const template of Object.values(DEFAULT_TEMPLATES)) {
      expect(await store.latestVersion(template.id)).toEqual(template)
    }
  })
})
