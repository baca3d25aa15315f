import { IdSchema, QuestionnaireItemSchema, QuestionnaireKindSchema } from '@ey/domain'
import * as z from 'zod'
import { LondonInstantSchema } from './common.ts'

/** One question of a template as administrators write and read it. */
export const TemplateItemSchema = QuestionnaireItemSchema.meta({ id: 'TemplateItem' })
export type TemplateItem = z.infer<typeof TemplateItemSchema>

const name = z
  .string({ error: 'Enter a name for the template' })
  .trim()
  .min(1, 'Enter a name for the template')
  .max(120, 'The name must be 120 characters or fewer')
const items = z
  .array(TemplateItemSchema, { error: 'Add at least one question' })
  .min(1, 'Add at least one question')
  .max(30, 'A template has at most 30 questions')

/** `PUT /api/admin/questionnaires/{id}`: the name and questions of the template's next version. */
export const TemplateEditSchema = z
  .object({ name, items })
  .meta({ id: 'TemplateEdit', description: 'Saved as a new version; earlier versions never change' })
export type TemplateEdit = z.infer<typeof TemplateEditSchema>

/** `POST /api/admin/questionnaires`: a new template of a kind. */
export const TemplateInputSchema = z
  .object({ kind: QuestionnaireKindSchema, name, items })
  .meta({ id: 'TemplateInput' })
export type TemplateInput = z.infer<typeof TemplateInputSchema>

/** One version of a template, with its questions. */
export const TemplateViewSchema = z
  .object({
    id: IdSchema,
    kind: QuestionnaireKindSchema,
    version: z.number().int(),
    name: z.string(),
    items: z.array(TemplateItemSchema),
    createdAt: LondonInstantSchema,
    createdBy: z.string().meta({ description: 'The staff member who saved it (their subject), or `system`' }),
  })
  .meta({ id: 'TemplateView' })
export type TemplateView = z.infer<typeof TemplateViewSchema>

/** `GET /api/admin/questionnaires`: every template's current version and who answers it. */
export const TemplateListSchema = z
  .object({
    items: z.array(
      z.object({
        id: IdSchema,
        kind: QuestionnaireKindSchema,
        name: z.string(),
        version: z.number().int().meta({ description: 'The current version' }),
        isDefault: z
          .boolean()
          .meta({ description: 'Used by every course without its own template of the kind' }),
        courseIds: z.array(IdSchema).meta({ description: 'The courses that answer this template now' }),
      }),
    ),
  })
  .meta({ id: 'TemplateList' })
export type TemplateList = z.infer<typeof TemplateListSchema>

/** `GET /api/admin/questionnaires/{id}/versions`: every version, oldest first. */
export const TemplateVersionListSchema = z
  .object({
    items: z.array(
      z.object({
        version: z.number().int(),
        name: z.string(),
        questions: z.number().int(),
        createdAt: LondonInstantSchema,
        createdBy: z.string(),
      }),
    ),
  })
  .meta({ id: 'TemplateVersionList' })
export type TemplateVersionList = z.infer<typeof TemplateVersionListSchema>

/** `?version=N` of `GET /api/admin/questionnaires/{id}`: an older version than the current one. */
export const TemplateVersionQuerySchema = z.object({
  version: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .meta({ description: 'A version; the current one if absent' }),
})

/** The path of a course's template of one kind. */
export const CourseTemplateParamSchema = z.object({ courseId: IdSchema, kind: QuestionnaireKindSchema })

/** `PUT /api/admin/courses/{courseId}/questionnaires/{kind}`: a template of that kind, or `null` for the default. */
export const CourseTemplateInputSchema = z
  .object({
    templateId: IdSchema.nullable().meta({ description: "A template of the path's kind; null: the default" }),
  })
  .meta({ id: 'CourseTemplateInput' })
export type CourseTemplateInput = z.infer<typeof CourseTemplateInputSchema>

/** The template each kind of a course uses now. */
export const CourseTemplatesSchema = z
  .object({ pre: IdSchema, post: IdSchema, 'follow-up': IdSchema })
  .meta({ id: 'CourseTemplates' })
export type CourseTemplates = z.infer<typeof CourseTemplatesSchema>
