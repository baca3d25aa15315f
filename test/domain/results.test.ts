import {
  computeResults,
  freeTextAnswers,
  presentResults,
  type QuestionnaireResponse,
  type QuestionnaireTemplate,
} from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { makeQuestionnaireResponse, makeQuestionnaireTemplate } from '../support/factories.ts'

const rating = { type: 'rating', required: false, lowLabel: 'Not at all', highLabel: 'Very' } as const
const preTemplate = makeQuestionnaireTemplate({
  id: 'tpl-pre',
  kind: 'pre',
  items: [
    { ...rating, id: 'pre-confidence', tag: 'confidence', text: 'How confident do you feel?' },
    { ...rating, id: 'pre-knowledge', tag: 'knowledge', text: 'How much do you know?' },
    { id: 'hopes', type: 'text', required: false, text: 'What do you hope to learn?' },
  ],
})
const postV1 = makeQuestionnaireTemplate()
/** Version 2 renamed the confidence item: answers still pair by tag. */
const postV2 = makeQuestionnaireTemplate({
  version: 2,
  items: [
    { ...rating, id: 'confident-now', tag: 'confidence', text: 'How confident do you feel now?' },
    ...postV1.items.slice(1),
  ],
})
const followUpTemplate = makeQuestionnaireTemplate({
  id: 'tpl-follow-up',
  kind: 'follow-up',
  items: [{ ...rating, id: 'still-confident', tag: 'confidence', text: 'How confident do you feel today?' }],
})
const templates = [preTemplate, postV1, postV2, followUpTemplate]

const pre = (bookingId: string, confidence?: number, knowledge?: number) =>
  makeQuestionnaireResponse({
    bookingId,
    kind: 'pre',
    templateId: 'tpl-pre',
    answers: {
      ...(confidence === undefined ? {} : { 'pre-confidence': confidence }),
      ...(knowledge === undefined ? {} : { 'pre-knowledge': knowledge }),
      hopes: `hopes of ${bookingId}`,
    },
  })
const post = (bookingId: string, answers: QuestionnaireResponse['answers'], version = 1) =>
  makeQuestionnaireResponse({ bookingId, kind: 'post', version, answers })
const followUp = (bookingId: string, confidence: number) =>
  makeQuestionnaireResponse({
    bookingId,
    kind: 'follow-up',
    templateId: 'tpl-follow-up',
    answers: { 'still-confident': confidence },
  })

/**
 * Seven bookings, worked by hand below:
 * b1 pre C2 K3 → post C4 K4, useful yes, informative yes, recommend yes; follow-up C5
 * b2 pre C3 K2 → post C5 K3, useful yes, informative no, recommend yes; follow-up C4
 * b3 pre C4 K4 → post (version 2) C4 K4, useful no, informative yes, recommend no
 * b4 pre C1 K- → post C3 K4, useful yes, informative unanswered, recommend yes
 * b5 pre C5 K5 → no post (unmatched)
 * b6 no pre → post C5 K5, all yes (unmatched)
 * b7 pre C2 K2 → post without ratings, useful no, informative no, recommend yes
 */
const responses = [
  pre('b1', 2, 3),
  pre('b2', 3, 2),
  pre('b3', 4, 4),
  pre('b4', 1),
  pre('b5', 5, 5),
  pre('b7', 2, 2),
  post('b1', { confidence: 4, knowledge: 4, useful: true, informative: true, recommend: true }),
  post('b2', { confidence: 5, knowledge: 3, useful: true, informative: false, recommend: true }),
  post('b3', { 'confident-now': 4, knowledge: 4, useful: false, informative: true, recommend: false }, 2),
  post('b4', { confidence: 3, knowledge: 4, useful: true, recommend: true, comments: ' Loved the stories ' }),
  post('b6', { confidence: 5, knowledge: 5, useful: true, informative: true, recommend: true }),
  post('b7', { useful: false, informative: false, recommend: true, comments: '' }),
  followUp('b1', 5),
  followUp('b2', 4),
]
const answerable = { pre: 8, post: 7, followUp: 7 }

describe('computeResults on a fixture worked by hand', () => {
  const results = computeResults({ responses, templates, answerable })

  it('counts responses, matched forms and response rates', () => {
    // pre: b1 b2 b3 b4 b5 b7 = 6; post: b1 b2 b3 b4 b6 b7 = 6; follow-up: b1 b2 = 2
    // matched (pre and post): b1 b2 b3 b4 b7 = 5
    expect(results.responses).toEqual({ pre: 6, post: 6, followUp: 2, matched: 5, invited: 8 })
    // 6/8 = 75.0%; 6/7 = 85.714…% → 85.7; 2/7 = 28.571…% → 28.6
    expect(results.responseRates).toEqual({ pre: 75, post: 85.7, followUp: 28.6 })
  })

  it('compares confidence on matched pairs only, whatever the version answered', () => {
    // pairs: b1 2→4, b2 3→5, b3 4→4, b4 1→3 (b5, b6 unmatched; b7's post has no rating): n = 4
    // before (2+3+4+1)/4 = 2.5; after (4+5+4+3)/4 = 4; change (2+2+0+2)/4 = 1.5
    // 4 or 5 before: b3 → 1/4 = 25.0%; after: b1 b2 b3 → 3/4 = 75.0%
    expect(results.ratings[0]).toEqual({
      itemId: 'confident-now',
      tag: 'confidence',
      text: 'How confident do you feel now?',
      n: 4,
      meanBefore: 2.5,
      meanAfter: 4,
      meanChange: 1.5,
      share45Before: 25,
      share45After: 75,
      distributionBefore: [1, 1, 1, 1, 0],
      distributionAfter: [0, 0, 1, 2, 1],
    })
  })

  it('leaves out a pair whose pre rating was not answered', () => {
    // pairs: b1 3→4, b2 2→3, b3 4→4 (b4 gave no pre knowledge): n = 3
    // before (3+2+4)/3 = 3; after (4+3+4)/3 = 3.666… → 3.67; change (1+1+0)/3 = 0.666… → 0.67
    // 4 or 5 before: b3 → 1/3 = 33.3%; after: b1 b3 → 2/3 = 66.7%
    expect(results.ratings[1]).toMatchObject({
      itemId: 'knowledge',
      tag: 'knowledge',
      n: 3,
      meanBefore: 3,
      meanAfter: 3.67,
      meanChange: 0.67,
      share45Before: 33.3,
      share45After: 66.7,
      distributionBefore: [0, 1, 1, 1, 0],
      distributionAfter: [0, 0, 1, 2, 0],
    })
  })

  it('compares the follow-up with the pre form', () => {
    // pairs: b1 2→5, b2 3→4: before 5/2 = 2.5, after 9/2 = 4.5, change (3+1)/2 = 2; 4 or 5: 0% → 100%
    expect(results.followUpRatings).toEqual([
      expect.objectContaining({
        itemId: 'still-confident',
        n: 2,
        meanBefore: 2.5,
        meanAfter: 4.5,
        meanChange: 2,
      }),
    ])
    expect(results.followUpRatings[0]).toMatchObject({ share45Before: 0, share45After: 100 })
  })

  it('gives the yes/no shares among the post forms that answered the item', () => {
    // useful: yes b1 b2 b4 b6 of 6 answers = 66.666…% → 66.7
    // informative: yes b1 b3 b6 of 5 answers (b4 left it) = 60.0%
    // recommend: yes b1 b2 b4 b6 b7 of 6 = 83.333…% → 83.3
    expect(results).toMatchObject({
      usefulShare: 66.7,
      informativeShare: 60,
      recommendShare: 83.3,
      yesNoAnswered: { useful: 6, informative: 5, recommend: 6 },
    })
  })

  it('is not changed by unmatched forms', () => {
    const extra = [pre('b8', 1, 1), post('b9', { confidence: 1, knowledge: 1, useful: false })]
    const more = computeResults({ responses: [...responses, ...extra], templates, answerable })
    expect(more.ratings).toEqual(results.ratings)
    expect(more.responses).toMatchObject({ pre: 7, post: 7, matched: 5 })
  })

  it('gives no figure where there is nothing to compute from', () => {
    const empty = computeResults({ responses: [], templates, answerable: { pre: 0, post: 0, followUp: 0 } })
    expect(empty).toMatchObject({
      responses: { pre: 0, post: 0, followUp: 0, matched: 0, invited: 0 },
      responseRates: { pre: null, post: null, followUp: null },
      ratings: [],
      usefulShare: null,
    })
  })

  it('rounds halves away from zero, from whole numbers', () => {
    const pairs = [
      [1, 2],
      [2, 2],
      [2, 1],
      [1, 1],
      [3, 2],
      [4, 3],
      [4, 3],
      [5, 4],
    ] as const
    const many = pairs.flatMap(([before, after], index) => [
      pre(`p${index}`, before),
      post(`p${index}`, { confidence: after }),
    ])
    const [confidence] = computeResults({ responses: many, templates, answerable }).ratings
    // before (1+2+2+1+3+4+4+5)/8 = 22/8 = 2.75; after (2+2+1+1+2+3+3+4)/8 = 18/8 = 2.25
    // change -4/8 = -0.5; 4 or 5 before 3/8 = 37.5%; after 1/8 = 12.5%
    expect(confidence).toMatchObject({
      meanBefore: 2.75,
      meanAfter: 2.25,
      meanChange: -0.5,
      share45Before: 37.5,
      share45After: 12.5,
    })
  })
})

describe('presentResults', () => {
  const results = computeResults({ responses, templates, answerable })

  it('shows administrators the raw figures', () => {
    expect(presentResults(results, { suppress: false })).toEqual(results)
  })

  it('hides small counts and every figure from fewer than 10 people outside the programme team', () => {
    const shown = presentResults(results, { suppress: true })
    // counts 6, 6, 5, 8 are shown; 2 follow-ups are not
    expect(shown.responses).toEqual({ pre: 6, post: 6, followUp: 'c', matched: 5, invited: 8 })
    // rates from 8 and 7 bookings, means and shares from 4 pairs, yes/no from 5 or 6 answers: all c
    expect(shown.responseRates).toEqual({ pre: 'c', post: 'c', followUp: 'c' })
    expect(shown.ratings[0]).toMatchObject({
      n: 'c',
      meanBefore: 'c',
      meanChange: 'c',
      share45After: 'c',
      distributionBefore: ['c', 'c', 'c', 'c', 0],
    })
    expect(shown).toMatchObject({ usefulShare: 'c', informativeShare: 'c', recommendShare: 'c' })
  })

  it('shows figures from 10 people or more', () => {
    const ten = Array.from({ length: 10 }, (_, index) => [
      pre(`t${index}`, 2),
      post(`t${index}`, { confidence: 4, useful: true }),
    ]).flat()
    const shown = presentResults(
      computeResults({ responses: ten, templates, answerable: { pre: 10, post: 10, followUp: 10 } }),
      {
        suppress: true,
      },
    )
    expect(shown.ratings[0]).toMatchObject({ n: 10, meanBefore: 2, meanAfter: 4, share45After: 100 })
    expect(shown).toMatchObject({ usefulShare: 100, responseRates: { pre: 100, post: 100, followUp: 0 } })
  })
})

describe('freeTextAnswers', () => {
  it('gathers what people wrote, question by question, leaving out blank answers', () => {
    const answers = freeTextAnswers(responses, templates as QuestionnaireTemplate[])
    expect(answers).toEqual([
      {
        kind: 'pre',
        itemId: 'hopes',
        text: 'What do you hope to learn?',
        answers: ['hopes of b1', 'hopes of b2', 'hopes of b3', 'hopes of b4', 'hopes of b5', 'hopes of b7'],
      },
      { kind: 'post', itemId: 'comments', text: 'Any comments?', answers: ['Loved the stories'] },
    ])
  })
})
