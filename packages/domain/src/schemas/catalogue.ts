import * as z from 'zod'
import { httpsUrlSchema, IdSchema } from './common.ts'

export const PartnerSchema = z.object({
  id: IdSchema,
  name: z.string().min(1, 'Enter the partner’s name').max(200, 'The name must be 200 characters or fewer'),
  website: httpsUrlSchema(
    'Enter the website address in full, starting https://, like https://www.example.org',
  )
    .optional()
    .meta({ description: 'An https:// address' }),
})
export type Partner = z.infer<typeof PartnerSchema>

/** The topics practitioners filter by. */
export const TOPICS = [
  'communication-and-language',
  'autism',
  'signing',
  'transition',
  'working-with-families',
  'whole-setting-send',
  'accredited',
] as const
export const TopicSchema = z.enum(TOPICS)
export type Topic = z.infer<typeof TopicSchema>

export const AudienceSchema = z.enum(['practitioners', 'parents-and-carers', 'all'], {
  error: 'Choose who the course is for',
})

/** How completion of a multi-part course is judged. */
export const CompletionRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all-parts') }),
  z.object({ kind: z.literal('min-parts'), parts: z.number().int().min(1) }),
])

/** What offers an attended booking its certificate of attendance. */
export const CertificateOnSchema = z.enum(['post-answered', 'attendance'])
export type CertificateOn = z.infer<typeof CertificateOnSchema>

/**
 * A course's own questionnaire windows, in whole days (`QUESTIONNAIRE_WINDOW_DAYS` where a course
 * has none): how long post stays open, how long after the end follow-up opens, and for how long.
 * Whole numbers here; their bounds are a rule (`questionnaireDaysErrors`).
 */
export const QuestionnaireDaysSchema = z.object({
  post: z.number({ error: 'Enter the number of days, like 14' }).int('Enter a whole number of days'),
  followUpAfter: z.number({ error: 'Enter the number of days, like 42' }).int('Enter a whole number of days'),
  followUpOpen: z.number({ error: 'Enter the number of days, like 28' }).int('Enter a whole number of days'),
})
export type QuestionnaireDays = z.infer<typeof QuestionnaireDaysSchema>

export const CourseSchema = z.object({
  id: IdSchema,
  partnerId: IdSchema,
  title: z.string().min(1, 'Enter a title').max(200, 'The title must be 200 characters or fewer'),
  summary: z.string().min(1, 'Enter a summary').max(500, 'The summary must be 500 characters or fewer'),
  description: z.string().max(5000, 'The description must be 5000 characters or fewer'),
  topics: z.array(TopicSchema).min(1, 'Select at least one topic'),
  audience: AudienceSchema,
  level: z.enum(['introductory', 'core', 'in-depth', 'level-3'], { error: 'Choose the course’s level' }),
  accreditation: z.string().max(200, 'The accreditation must be 200 characters or fewer').optional(),
  cpdHours: z
    .number({ error: 'Enter CPD hours as a number, like 2 or 2.5' })
    .min(0, 'CPD hours cannot be negative')
    .max(200, 'CPD hours must be 200 or fewer'),
  completion: CompletionRuleSchema,
  /**
   * When an attended booking is offered its certificate: once the post questionnaire is answered
   * (absent means this), or on attendance alone.
   */
  certificateOn: CertificateOnSchema.optional(),
  /** The course's own questionnaire windows; absent means the defaults. */
  questionnaireDays: QuestionnaireDaysSchema.optional(),
})
export type Course = z.infer<typeof CourseSchema>
