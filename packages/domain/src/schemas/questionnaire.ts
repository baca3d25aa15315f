import * as z from 'zod'
import { IdSchema, InstantSchema, LaCodeSchema } from './common.ts'

/** The three questionnaires of a booking: before the session, after it, and some weeks later. */
export const QUESTIONNAIRE_KINDS = ['pre', 'post', 'follow-up'] as const
export const QuestionnaireKindSchema = z.enum(QUESTIONNAIRE_KINDS)
export type QuestionnaireKind = z.infer<typeof QuestionnaireKindSchema>

/** What a 1 to 5 rating measures: a pre rating and a post rating of the same tag make a matched pair. */
export const RatingTagSchema = z.enum(['confidence', 'knowledge'])
export type RatingTag = z.infer<typeof RatingTagSchema>

/** What a yes/no item counts towards in the results (the share of people saying yes). */
export const YesNoMeasureSchema = z.enum(['useful', 'informative', 'recommend'])
export type YesNoMeasure = z.infer<typeof YesNoMeasureSchema>

const itemBase = {
  /** Stable within a template across its versions, so answers of versions compare. */
  id: IdSchema,
  text: z
    .string()
    .trim()
    .min(1, 'Enter the question')
    .max(300, 'The question must be 300 characters or fewer'),
  required: z.boolean({ error: 'Say whether the question must be answered' }),
}

const label = (end: string) =>
  z
    .string({ error: `Enter the label of ${end}` })
    .trim()
    .min(1, `Enter the label of ${end}`)
    .max(60, 'A label must be 60 characters or fewer')

/** One question of a template. */
export const QuestionnaireItemSchema = z.discriminatedUnion(
  'type',
  [
    z.object({
      ...itemBase,
      type: z.literal('rating'),
      tag: RatingTagSchema.optional(),
      lowLabel: label('1, the lowest rating'),
      highLabel: label('5, the highest rating'),
    }),
    z.object({
      ...itemBase,
      type: z.literal('choice'),
      options: z
        .array(
          z
            .string()
            .trim()
            .min(1, 'Enter the option, or remove it')
            .max(120, 'An option must be 120 characters or fewer'),
        )
        .min(2, 'Give at least 2 options')
        .max(10, 'Give at most 10 options'),
    }),
    z.object({ ...itemBase, type: z.literal('yes-no'), measure: YesNoMeasureSchema.optional() }),
    z.object({ ...itemBase, type: z.literal('text') }),
  ],
  { error: 'Choose the type of question: rating, choice, yes/no or text' },
)
export type QuestionnaireItem = z.infer<typeof QuestionnaireItemSchema>

/**
 * One version of a questionnaire template. A version that has answers is never changed: editing
 * makes version + 1, and each response keeps the version (so the wording) it was given.
 */
export const QuestionnaireTemplateSchema = z.object({
  id: IdSchema,
  kind: QuestionnaireKindSchema,
  version: z.number().int().min(1),
  name: z.string().trim().min(1).max(120),
  items: z.array(QuestionnaireItemSchema).min(1).max(30),
  createdAt: InstantSchema,
  createdBy: z.string().min(1),
})
export type QuestionnaireTemplate = z.infer<typeof QuestionnaireTemplateSchema>

/** An answer: a rating 1 to 5, a choice's text, yes (true) or no (false), or free text. */
export const AnswerValueSchema = z.union([z.number(), z.string(), z.boolean()])
export type AnswerValue = z.infer<typeof AnswerValueSchema>

/**
 * One booking's answers to one kind of questionnaire: given once. It carries what every report
 * groups by (session, course, LA, when the session started), so results read no booking again.
 */
export const QuestionnaireResponseSchema = z.object({
  bookingId: IdSchema,
  kind: QuestionnaireKindSchema,
  templateId: IdSchema,
  version: z.number().int().min(1),
  sessionId: IdSchema,
  courseId: IdSchema,
  laCode: LaCodeSchema,
  /** The session's first part's start: the period a report counts the response in. */
  sessionStartsAt: InstantSchema,
  answers: z.record(z.string(), AnswerValueSchema),
  submittedAt: InstantSchema,
})
export type QuestionnaireResponse = z.infer<typeof QuestionnaireResponseSchema>
