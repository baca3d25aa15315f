import { AnswerValueSchema, IdSchema, QuestionnaireKindSchema, RatingTagSchema } from '@ey/domain'
import * as z from 'zod'
import { LondonInstantSchema } from './common.ts'

/** The path of one questionnaire of a booking. */
export const QuestionnaireParamSchema = z.object({ id: IdSchema, kind: QuestionnaireKindSchema })

/** `GET /api/bookings/{id}/questionnaires`: each kind's window and where it stands. */
export const QuestionnaireListSchema = z
  .object({
    items: z.array(
      z.object({
        kind: QuestionnaireKindSchema,
        status: z.enum(['not-open', 'open', 'answered', 'closed']),
        opensAt: LondonInstantSchema,
        closesAt: LondonInstantSchema,
      }),
    ),
  })
  .meta({ id: 'QuestionnaireList' })
export type QuestionnaireList = z.infer<typeof QuestionnaireListSchema>

/** One question as the answering page shows it. */
export const QuestionViewSchema = z
  .object({
    id: IdSchema,
    type: z.enum(['rating', 'choice', 'yes-no', 'text']),
    text: z.string(),
    required: z.boolean(),
    tag: RatingTagSchema.optional(),
    lowLabel: z.string().optional().meta({ description: 'The label of 1 (ratings)' }),
    highLabel: z.string().optional().meta({ description: 'The label of 5 (ratings)' }),
    options: z.array(z.string()).optional().meta({ description: 'The options (single choice)' }),
  })
  .meta({ id: 'QuestionView' })
export type QuestionView = z.infer<typeof QuestionViewSchema>

/**
 * `GET /api/bookings/{id}/questionnaires/{kind}`: the questions, in the version the booking
 * answered or, until it has, the current one.
 */
export const QuestionnaireViewSchema = z
  .object({ kind: QuestionnaireKindSchema, version: z.number().int(), items: z.array(QuestionViewSchema) })
  .meta({ id: 'QuestionnaireView' })
export type QuestionnaireView = z.infer<typeof QuestionnaireViewSchema>

/** `PUT /api/bookings/{id}/questionnaires/{kind}`: an answer per item id (rating 1 to 5, choice text, yes/no, text). */
export const AnswersSchema = z
  .object({ answers: z.record(z.string(), AnswerValueSchema) })
  .meta({ id: 'Answers' })
export type Answers = z.infer<typeof AnswersSchema>

/** What answering gives back: when the answers were recorded. */
export const AnsweredSchema = z
  .object({ kind: QuestionnaireKindSchema, submittedAt: LondonInstantSchema })
  .meta({ id: 'Answered' })
export type Answered = z.infer<typeof AnsweredSchema>
