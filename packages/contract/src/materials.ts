import { HttpsUrlSchema, IdSchema, MaterialAudienceSchema, MaterialTitleSchema } from '@ey/domain'
import * as z from 'zod'

/** The path of one material of a course or session. */
export const MaterialParamSchema = z.object({ id: IdSchema, materialId: IdSchema })
export type MaterialParam = z.infer<typeof MaterialParamSchema>

const audience = MaterialAudienceSchema.default('booked').meta({
  description: 'booked (default): only people booked on the session or course, after it; public: anyone',
})

/** One material as people see it, with where to open it. */
export const MaterialViewSchema = z
  .object({
    id: IdSchema,
    scope: z
      .enum(['course', 'session'])
      .meta({ description: 'Whether it belongs to the whole course or the session' }),
    kind: z.enum(['file', 'link']),
    title: z.string(),
    audience: MaterialAudienceSchema,
    href: z.string().meta({
      description: 'A link’s https address, or a file’s download link, signed and working for 5 minutes',
    }),
    fileName: z.string().optional(),
    contentType: z.string().optional(),
    size: z.number().int().optional().meta({ description: 'Bytes' }),
  })
  .meta({ id: 'Material' })
export type MaterialView = z.infer<typeof MaterialViewSchema>

/** A course's or session's materials. */
export const MaterialListSchema = z
  .object({ items: z.array(MaterialViewSchema) })
  .meta({ id: 'MaterialList' })
export type MaterialList = z.infer<typeof MaterialListSchema>

/** `GET /api/bookings/{id}/materials`: whether the booking may see its materials yet, and them. */
export const BookingMaterialsViewSchema = z
  .object({
    access: z.enum(['available', 'after-session', 'not-booked']).meta({
      description:
        'available: listed below; after-session: they appear once the session has ended; not-booked: only people with a place see them',
    }),
    items: z.array(MaterialViewSchema),
  })
  .meta({ id: 'BookingMaterials' })
export type BookingMaterialsView = z.infer<typeof BookingMaterialsViewSchema>

/** Adding a link. */
export const NewLinkMaterialSchema = z
  .object({ title: MaterialTitleSchema, url: HttpsUrlSchema, audience })
  .meta({ id: 'NewLinkMaterial' })
export type NewLinkMaterial = z.input<typeof NewLinkMaterialSchema>

/** Asking where to upload a file: checked against the allowed types and sizes (422 naming the field). */
export const MaterialUploadRequestSchema = z
  .object({
    fileName: z
      .string()
      .trim()
      .min(1, 'Choose a file')
      .max(200, 'The file name must be 200 characters or fewer'),
    contentType: z.string().trim().min(1, 'The file’s type is not known').max(200),
    size: z.number().int().meta({ description: 'Bytes' }),
  })
  .meta({ id: 'MaterialUploadRequest' })
export type MaterialUploadRequest = z.infer<typeof MaterialUploadRequestSchema>

/** Where to send the file: one `PUT` of the file to `url` with `headers`, before `expiresAt`. */
export const MaterialUploadTicketSchema = z
  .object({
    key: z.string().meta({ description: 'Confirm the upload with this key' }),
    url: z.string(),
    method: z.literal('PUT'),
    headers: z.record(z.string(), z.string()),
    expiresAt: z.string(),
  })
  .meta({ id: 'MaterialUploadTicket' })
export type MaterialUploadTicket = z.infer<typeof MaterialUploadTicketSchema>

/** Confirming an upload once the file has been sent: it becomes a material. */
export const MaterialUploadConfirmationSchema = z
  .object({
    key: z.string().min(1).max(400),
    fileName: z.string().trim().min(1).max(200),
    contentType: z.string().trim().min(1).max(200),
    title: MaterialTitleSchema,
    audience,
  })
  .meta({ id: 'MaterialUploadConfirmation' })
export type MaterialUploadConfirmation = z.input<typeof MaterialUploadConfirmationSchema>
