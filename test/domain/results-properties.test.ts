import { computeResults, type QuestionnaireResponse } from '@ey/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makeQuestionnaireResponse, makeQuestionnaireTemplate } from '../support/factories.ts'

const post = makeQuestionnaireTemplate()
const pre = makeQuestionnaireTemplate({ id: 'tpl-pre', kind: 'pre', items: post.items.slice(0, 2) })
const followUp = makeQuestionnaireTemplate({
  id: 'tpl-follow-up',
  kind: 'follow-up',
  items: post.items.slice(0, 1),
})

/** Any answer a stored response might hold for a rating: in range, out of range, not whole, or none. */
const ratingAnswer = fc.option(fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, 6, 2.5, 'four')), {
  nil: undefined,
})
const yesNo = fc.option(fc.boolean(), { nil: undefined })
const form = fc.option(
  fc.record({
    confidence: ratingAnswer,
    knowledge: ratingAnswer,
    useful: yesNo,
    informative: yesNo,
    recommend: yesNo,
  }),
  { nil: undefined },
)

/** Up to 40 bookings, each with or without each kind of form, each item answered or not. */
const bookings = fc.array(fc.record({ pre: form, post: form, followUp: form }), { maxLength: 40 })

function toResponses(
  drawn: {
    pre?: Record<string, unknown>
    post?: Record<string, unknown>
    followUp?: Record<string, unknown>
  }[],
): QuestionnaireResponse[] {
  const defined = (answers: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(answers).filter(([, value]) => value !== undefined),
    ) as QuestionnaireResponse['answers']
  return drawn.flatMap((booking, index) => {
    const bookingId = `b${index}`
    return [
      booking.pre &&
        makeQuestionnaireResponse({
          bookingId,
          kind: 'pre',
          templateId: 'tpl-pre',
          answers: defined(booking.pre),
        }),
      booking.post && makeQuestionnaireResponse({ bookingId, kind: 'post', answers: defined(booking.post) }),
      booking.followUp &&
        makeQuestionnaireResponse({
          bookingId,
          kind: 'follow-up',
          templateId: 'tpl-follow-up',
          answers: defined(booking.followUp),
        }),
    ].filter((response) => response !== undefined)
  })
}

const computed = bookings.map((drawn) => {
  const responses = toResponses(drawn)
  const answerable = { pre: drawn.length, post: drawn.length, followUp: drawn.length }
  return computeResults({ responses, templates: [pre, post, followUp], answerable })
})

const inRange = (value: number | null, min: number, max: number) =>
  value === null || (value >= min && value <= max)

describe('computeResults, for any responses', () => {
  it('gives shares and rates within 0..100', () => {
    fc.assert(
      fc.property(computed, (results) => {
        const shares = [
          results.usefulShare,
          results.informativeShare,
          results.recommendShare,
          ...Object.values(results.responseRates),
          ...[...results.ratings, ...results.followUpRatings].flatMap((r) => [
            r.share45Before,
            r.share45After,
          ]),
        ]
        expect(shares.every((share) => inRange(share, 0, 100))).toBe(true)
      }),
    )
  })

  it('gives means within 1..5 and changes within -4..4', () => {
    fc.assert(
      fc.property(computed, (results) => {
        for (const rating of [...results.ratings, ...results.followUpRatings]) {
          expect(inRange(rating.meanBefore, 1, 5) && inRange(rating.meanAfter, 1, 5)).toBe(true)
          expect(inRange(rating.meanChange, -4, 4)).toBe(true)
        }
      }),
    )
  })

  it('never has more matched pairs than forms on either side, and charts exactly the pairs', () => {
    fc.assert(
      fc.property(computed, (results) => {
        const { pre, post, followUp, matched } = results.responses
        expect(matched).toBeLessThanOrEqual(Math.min(pre, post))
        for (const rating of results.ratings) {
          expect(rating.n).toBeLessThanOrEqual(matched)
          expect(rating.distributionBefore.reduce((a, b) => a + b)).toBe(rating.n)
          expect(rating.distributionAfter.reduce((a, b) => a + b)).toBe(rating.n)
        }
        for (const rating of results.followUpRatings) {
          expect(rating.n).toBeLessThanOrEqual(Math.min(pre, followUp))
        }
      }),
    )
  })
})
