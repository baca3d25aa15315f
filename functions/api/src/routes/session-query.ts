import { SessionQuerySchema } from '@ey/contract'
import * as z from 'zod'
import { decodeCursor } from '../cursor.ts'

/** The query of `GET /api/sessions` with its cursor read: what a cursor holds is the API's own. */
export const ListingQuerySchema = SessionQuerySchema.extend({
  cursor: SessionQuerySchema.shape.cursor
    .unwrap()
    .transform((value, ctx) => {
      const cursor = decodeCursor(value)
      if (!cursor) ctx.addIssue({ code: 'custom', message: 'Use the nextCursor of an earlier page' })
      return cursor ?? z.NEVER
    })
    .optional(),
})
