import * as z from 'zod'
import { PeriodQuerySchema } from './la-reports.ts'

/** `GET /api/la/{code}/summary.csv?from=&to=` and `?dictionary`. */
export const LaSummaryCsvQuerySchema = PeriodQuerySchema.extend({
  dictionary: z.string().optional().meta({
    description: 'Present (`?dictionary`): answer the data dictionary of both downloads instead',
  }),
})
export type LaSummaryCsvQuery = z.infer<typeof LaSummaryCsvQuerySchema>
