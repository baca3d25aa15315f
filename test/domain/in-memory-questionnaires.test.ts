import { createInMemoryQuestionnaires } from '../support/in-memory-questionnaires.ts'
import { describeQuestionnaireContract } from '../support/questionnaire-contract.ts'

describeQuestionnaireContract('the in-memory questionnaire store', async () => createInMemoryQuestionnaires())
