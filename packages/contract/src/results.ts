import { fromLondon, IdSchema, QuestionnaireKindSchema, RatingTagSchema } from '@ey/domain'
import { LOCAL_AUTHORITIES, localAuthority } from '@ey/reference-data'
import * as z from 'zod'
import { dayAfter } from './sessions.ts'

const REGIONS = new Set(LOCAL_AUTHORITIES.map((la) => la.regionCode))

/** The query of `GET /api/staff/results`: one session, or sessions starting in a period. */
export const ResultsQuerySchema = z.object({
  sessionId: IdSchema.optional().meta({ description: 'One session; without it, `from` and `to` are needed' }),
  courseId: IdSchema.optional().meta({ description: 'Sessions of this course only' }),
  la: z
    .string()
    .refine((code) => localAuthority(code) !== undefined, 'Choose a local authority from the list')
    .optional()
    .meta({
      description: 'Only people from this LA (ONS code); an LA officer may ask only for their own',
      example: 'E08000035',
    }),
  region: z
    .string()
    .refine((code) => REGIONS.has(code), 'Choose a region from the list')
    .optional()
    .meta({ description: 'Only people from LAs in this region (ONS region code)', example: 'E12000003' }),
  from: z.iso
    .date()
    .transform((v) => fromLondon(v, '00:00'))
    .optional()
    .meta({ description: 'Sessions starting on or after this London day' }),
  to: z.iso
    .date()
    .transform(dayAfter)
    .optional()
    .meta({ description: 'Sessions starting on or before this London day' }),
})
export type ResultsQuery = z.input<typeof ResultsQuerySchema>

const C = z.literal('c').meta({ description: 'Suppressed by the small-number rule' })
const Count = z.union([z.number().int(), C])
const Figure = z.union([z.number(), C]).nullable()

/** One rating before and after on matched pairs; figures `c` when suppressed, `null` with no pair. */
export const RatingResultViewSchema = z
  .object({
    itemId: z.string(),
    tag: RatingTagSchema,
    text: z.string(),
    n: Count.meta({ description: 'Matched pairs' }),
    meanBefore: Figure,
    meanAfter: Figure,
    meanChange: Figure,
    share45Before: Figure.meta({ description: 'Percentage rating 4 or 5, one decimal' }),
    share45After: Figure,
    distributionBefore: z.array(Count).length(5).meta({ description: 'How many rated 1, 2, 3, 4, 5' }),
    distributionAfter: z.array(Count).length(5),
  })
  .meta({ id: 'RatingResult' })

const byKind = <T extends z.ZodType>(schema: T) => z.object({ pre: schema, post: schema, followUp: schema })

/** `GET /api/staff/results`. */
export const ResultsViewSchema = z
  .object({
    sessions: z.number().int().meta({ description: 'How many sessions were read' }),
    responses: z.object({ pre: Count, post: Count, followUp: Count, matched: Count, invited: Count }),
    answerable: byKind(Count).meta({ description: 'Bookings that could answer each kind' }),
    responseRates: byKind(Figure).meta({ description: 'Percentages, one decimal' }),
    ratings: z.array(RatingResultViewSchema).meta({ description: 'Pre against post' }),
    followUpRatings: z.array(RatingResultViewSchema).meta({ description: 'Pre against follow-up' }),
    usefulShare: Figure,
    informativeShare: Figure,
    recommendShare: Figure,
    yesNoAnswered: z.object({ useful: Count, informative: Count, recommend: Count }),
    freeText: z
      .array(
        z.object({
          kind: QuestionnaireKindSchema,
          itemId: z.string(),
          text: z.string(),
          answers: z.array(z.string()),
        }),
      )
      .optional()
      .meta({ description: 'For administrators and the session’s trainers only; never for LA officers' }),
  })
  .meta({ id: 'Results' })
export type ResultsView = z.infer<typeof ResultsViewSchema>
