import { parseInstant } from '@ey/local-stack'
import { describe, expect, it } from 'vitest'

describe('parseInstant (the --now of pnpm start and pnpm job)', () => {
  it.each([
    ['2026-03-29T07:00:00Z', '2026-03-29T07:00:00.000Z'],
    ['2026-03-29T07:00:00.250Z', '2026-03-29T07:00:00.250Z'],
    ['2026-03-29T08:00+01:00', '2026-03-29T07:00:00.000Z'],
    // Without an offset, a London wall-clock time: summer time on one side of the change, not the other.
    ['2026-03-29T08:00', '2026-03-29T07:00:00.000Z'],
    ['2026-03-28T08:00:30', '2026-03-28T08:00:30.000Z'],
    ['2026-10-25T07:00', '2026-10-25T07:00:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseInstant(text).toISOString()).toBe(iso)
  })

  it.each(['tomorrow', '2026-03-29', '2026-02-30T07:00:00Z', '2026-03-29T24:00Z', '2026-03-29 07:00', ''])(
    'refuses %j, saying what it takes',
    (text) => {
      expect(() => parseInstant(text)).toThrow(`"${text}" is not a time: give an ISO 8601 time such as`)
    },
  )
})
