import type { QuestionnaireKind, QuestionnaireTemplate } from './schemas/questionnaire.ts'

/** The id of the default template of each kind: the one used where a course has none of its own. */
export const DEFAULT_TEMPLATE_IDS: Record<QuestionnaireKind, string> = {
  pre: 'default-pre',
  post: 'default-post',
  'follow-up': 'default-follow-up',
}

const CREATED = { version: 1, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'system' } as const

const CONFIDENCE = {
  id: 'confidence',
  type: 'rating',
  tag: 'confidence',
  text: 'How confident do you feel supporting children with SEND in this area?',
  lowLabel: 'Not at all confident',
  highLabel: 'Very confident',
  required: true,
} as const

const KNOWLEDGE = {
  id: 'knowledge',
  type: 'rating',
  tag: 'knowledge',
  text: 'How would you rate your knowledge of this topic?',
  lowLabel: 'Very little',
  highLabel: 'A great deal',
  required: true,
} as const

/**
 * The seeded defaults, following the programmes' practice: confidence and knowledge before and
 * after (tagged, so they pair), whether the session was useful, informative and worth
 * recommending, and some weeks later whether it made a difference.
 */
export const DEFAULT_TEMPLATES: Record<QuestionnaireKind, QuestionnaireTemplate> = {
  pre: {
    id: DEFAULT_TEMPLATE_IDS.pre,
    kind: 'pre',
    name: 'Before the session',
    ...CREATED,
    items: [
      CONFIDENCE,
      KNOWLEDGE,
      { id: 'hopes', type: 'text', text: 'What do you hope to learn?', required: false },
    ],
  },
  post: {
    id: DEFAULT_TEMPLATE_IDS.post,
    kind: 'post',
    name: 'After the session',
    ...CREATED,
    items: [
      CONFIDENCE,
      KNOWLEDGE,
      { id: 'useful', type: 'yes-no', measure: 'useful', text: 'Was the session useful?', required: true },
      {
        id: 'informative',
        type: 'yes-no',
        measure: 'informative',
        text: 'Was the session informative?',
        required: true,
      },
      {
        id: 'recommend',
        type: 'yes-no',
        measure: 'recommend',
        text: 'Would you recommend it to a colleague?',
        required: true,
      },
      {
        id: 'differently',
        type: 'text',
        text: 'What will you do differently after this session?',
        required: false,
      },
      { id: 'comments', type: 'text', text: 'Any other comments?', required: false },
    ],
  },
  'follow-up': {
    id: DEFAULT_TEMPLATE_IDS['follow-up'],
    kind: 'follow-up',
    name: 'Some weeks later',
    ...CREATED,
    items: [
      { id: 'used', type: 'yes-no', text: 'Have you used what you learnt?', required: true },
      {
        id: 'changed',
        type: 'text',
        text: 'What has changed for the children you work with?',
        required: false,
      },
      CONFIDENCE,
    ],
  },
}
