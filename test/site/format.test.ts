import { describe, expect, it } from 'vitest'
import { ordinal, plural } from '../../site/src/scripts/lib/format.ts'

describe('the site’s counts in words', () => {
  it.each([
    [0, '0 places'],
    [1, '1 place'],
    [3, '3 places'],
  ])('writes %i places as “%s”', (count, expected) => {
    expect(plural(count, 'place')).toBe(expected)
  })

  it('takes an irregular plural', () => {
    expect(plural(2, 'person', 'people')).toBe('2 people')
  })

  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [112, '112th'],
  ])('writes queue position %i as %s', (n, expected) => {
    expect(ordinal(n)).toBe(expected)
  })
})
