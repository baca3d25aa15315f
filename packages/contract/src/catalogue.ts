import { CourseSchema, PartnerSchema as DomainPartnerSchema } from '@ey/domain'
import * as z from 'zod'

/** A course as the public catalogue lists it, with its partner's name. */
export const CourseViewSchema = CourseSchema.extend({
  partner: z.object({ id: z.string(), name: z.string(), website: z.string().optional() }),
}).meta({ id: 'Course' })
export type CourseView = z.infer<typeof CourseViewSchema>

/** `GET /api/courses`. */
export const CourseListSchema = z.object({ items: z.array(CourseViewSchema) }).meta({ id: 'CourseList' })
export type CourseList = z.infer<typeof CourseListSchema>

/** A partner organisation as administrators send and read it. */
export const PartnerSchema = DomainPartnerSchema.meta({ id: 'Partner' })
export type Partner = z.infer<typeof PartnerSchema>

/** `GET /api/admin/partners`. */
export const PartnerListSchema = z.object({ items: z.array(PartnerSchema) }).meta({ id: 'PartnerList' })
export type PartnerList = z.infer<typeof PartnerListSchema>

/** A course as administrators send and read it. */
export const CourseInputSchema = CourseSchema.meta({ id: 'CourseInput' })
export type CourseInput = z.infer<typeof CourseInputSchema>

/** `GET /api/admin/courses`. */
export const AdminCourseListSchema = z
  .object({ items: z.array(CourseInputSchema) })
  .meta({ id: 'AdminCourseList' })
export type AdminCourseList = z.infer<typeof AdminCourseListSchema>
