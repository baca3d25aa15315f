import * as z from 'zod'
import { HttpsUrlSchema, IdSchema, InstantSchema } from './common.ts'

/** What a material belongs to: a whole course (every session of it) or one session. */
export const MaterialOwnerSchema = z.object({ kind: z.enum(['course', 'session']), id: IdSchema })
export type MaterialOwner = z.infer<typeof MaterialOwnerSchema>

/**
 * Who may see a material: `booked` (the default), only people booked on the session (or a session
 * of the course), once the session is over for them; `public`, anyone, on the course page too.
 */
export const MaterialAudienceSchema = z.enum(['booked', 'public'])
export type MaterialAudience = z.infer<typeof MaterialAudienceSchema>

/** A material's title, as people will see it. */
export const MaterialTitleSchema = z
  .string()
  .trim()
  .min(1, 'Enter a title')
  .max(120, 'The title must be 120 characters or fewer')

const MaterialBase = {
  id: IdSchema,
  owner: MaterialOwnerSchema,
  title: MaterialTitleSchema,
  audience: MaterialAudienceSchema,
  addedAt: InstantSchema,
  /** The staff member (`sub`) who added it. */
  addedBy: z.string().min(1),
}

/** A link material. */
export const LinkMaterialSchema = z.object({ ...MaterialBase, kind: z.literal('link'), url: HttpsUrlSchema })
export type LinkMaterial = z.infer<typeof LinkMaterialSchema>

/** A file material: the file itself lives in the file storage under `storageKey`. */
export const FileMaterialSchema = z.object({
  ...MaterialBase,
  kind: z.literal('file'),
  fileName: z.string().min(1).max(200),
  contentType: z.string().min(1),
  size: z.number().int().positive(),
  storageKey: z.string().min(1),
})
export type FileMaterial = z.infer<typeof FileMaterialSchema>

/** A slide deck, handout, video or link attached to a course or a session. */
export const MaterialSchema = z.discriminatedUnion('kind', [LinkMaterialSchema, FileMaterialSchema])
export type Material = z.infer<typeof MaterialSchema>
