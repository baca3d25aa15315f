import type { QuestionnaireTemplateVersions } from '../results-ports.ts'
import { computeResults, type Results } from '../rules/results.ts'
import type { Booking, BookingStatus } from '../schemas/booking.ts'
import type {
  QuestionnaireKind,
  QuestionnaireResponse,
  QuestionnaireTemplate,
} from '../schemas/questionnaire.ts'

/** Statuses of a booking that could answer each kind: a place held (pre), attendance (post, follow-up). */
const CAN_ANSWER: Record<QuestionnaireKind, readonly BookingStatus[]> = {
  pre: ['confirmed', 'attended', 'no-show'],
  post: ['attended'],
  'follow-up': ['attended'],
}

function answerable(
  bookings: readonly Booking[],
  responses: readonly QuestionnaireResponse[],
  kind: QuestionnaireKind,
): number {
  const ids = new Set(bookings.filter((b) => CAN_ANSWER[kind].includes(b.status)).map((b) => b.id))
  for (const response of responses) if (response.kind === kind) ids.add(response.bookingId)
  return ids.size
}

/** Raw results of a group of bookings, with the template versions their responses were given. */
export interface BookingResults {
  results: Results
  templates: QuestionnaireTemplate[]
}

/**
 * The results of these bookings from their responses, raw, computed once by `computeResults`: the
 * template versions the responses name are read, and each kind's rate is judged on the bookings
 * that could answer it. A booking that answered counts as able to answer even if it was cancelled
 * since, so a rate never passes 100%.
 */
export async function bookingResults(
  templates: QuestionnaireTemplateVersions,
  bookings: readonly Booking[],
  responses: readonly QuestionnaireResponse[],
): Promise<BookingResults> {
  const refs = responses.map(({ templateId, version }) => ({ templateId, version }))
  const versions = refs.length === 0 ? [] : await templates.templateVersions(refs)
  const results = computeResults({
    responses,
    templates: versions,
    answerable: {
      pre: answerable(bookings, responses, 'pre'),
      post: answerable(bookings, responses, 'post'),
      followUp: answerable(bookings, responses, 'follow-up'),
    },
  })
  return { results, templates: versions }
}
