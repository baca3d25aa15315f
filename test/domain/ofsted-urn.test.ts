import { PersonSchema } from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { makePerson } from '../support/factories.ts'

describe('the Ofsted URN of a booking person', () => {
  it.each([
    ['123456', '123456'],
    ['1234567', '1234567'],
    [' 123 456 ', '123456'],
    ['12 34 567', '1234567'],
  ])('accepts %j and keeps %j', (given, kept) => {
    expect(PersonSchema.parse(makePerson({ ofstedUrn: given })).ofstedUrn).toBe(kept)
  })

  it.each([
    ['absent', {}],
    ['empty', { ofstedUrn: '' }],
    ['only spaces', { ofstedUrn: '   ' }],
  ])('is optional: %s means not known, and nothing is kept', (_case, urn) => {
    const person = PersonSchema.parse({ ...makePerson(), ...urn })
    expect(person.ofstedUrn).toBeUndefined()
  })

  it.each(['12345', '12345678', 'EY123456', '123-456', 'I don’t know', 123456])(
    'refuses %j, naming the field',
    (urn) => {
      const result = PersonSchema.safeParse({ ...makePerson(), ofstedUrn: urn })
      expect(result.success).toBe(false)
      expect(result.error?.issues).toEqual([
        expect.objectContaining({ path: ['ofstedUrn'], message: expect.stringContaining('6 or 7 digits') }),
      ])
    },
  )
})
