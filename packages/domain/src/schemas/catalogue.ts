import { z } from 'zod'
import { IdSchema } from './common.ts'

export const PartnerSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(200),
  website: z.url().optional(),
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

export const AudienceSchema = z.enum(['practitioners', 'parents-and-carers', 'all'])

/** How completion of a multi-part course is judged. */
export const CompletionRuleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all-parts') }),
  z.object({ kind: z.literal('min-parts'), parts: z.number().int().min(1) }),
])

export const CourseSchema = z.object({
  id: IdSchema,
  partnerId: IdSchema,
  title: z.string().min(1).max(200),
  summary: z.string().min(1).max(500),
  description: z.string().max(5000),
  topics: z.array(TopicSchema).min(1),
  audience: AudienceSchema,
  level: z.enum(['introductory', 'core', 'in-depth', 'level-3']),
  accreditation: z.string().max(200).optional(),
  cpdHours: z.number().min(0).max(200),
  completion: CompletionRuleSchema,
})
export type Course = z.infer<typeof CourseSchema>
