import type { QuestionnaireKind, QuestionnaireStatus } from '@ey/domain'

/** The name of each kind of questionnaire, as the pages title it. */
export const QUESTIONNAIRE_KIND_LABELS = {
  pre: 'Before your training',
  post: 'After your training',
  'follow-up': 'Six weeks on',
} as const satisfies Record<QuestionnaireKind, string>

/** Where a questionnaire stands, as the manage page tags it. */
export const QUESTIONNAIRE_STATUS_LABELS = {
  'not-open': 'Not open yet',
  open: 'Open',
  answered: 'Answered',
  closed: 'Closed',
} as const satisfies Record<QuestionnaireStatus, string>
