import type {
  QuestionnaireItem,
  QuestionnaireKind,
  QuestionnaireStatus,
  RatingTag,
  YesNoMeasure,
} from '@ey/domain'

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

/** Each kind of questionnaire as staff pages name it (the template editor, the course page). */
export const TEMPLATE_KIND_LABELS = {
  pre: 'Pre (before the session)',
  post: 'Post (after the session)',
  'follow-up': 'Follow-up (some weeks later)',
} as const satisfies Record<QuestionnaireKind, string>

/** The type of a question, as the template editor offers it. */
export const QUESTION_TYPE_LABELS = {
  rating: 'Rating from 1 to 5',
  choice: 'Single choice',
  'yes-no': 'Yes or no',
  text: 'Free text',
} as const satisfies Record<QuestionnaireItem['type'], string>

/** What a rating measures, as the template editor offers it (results pair ratings by it). */
export const RATING_TAG_LABELS = {
  confidence: 'Confidence',
  knowledge: 'Knowledge',
} as const satisfies Record<RatingTag, string>

/** What a yes/no question counts towards in the results, as the template editor offers it. */
export const YES_NO_MEASURE_LABELS = {
  useful: 'Useful',
  informative: 'Informative',
  recommend: 'Would recommend',
} as const satisfies Record<YesNoMeasure, string>
