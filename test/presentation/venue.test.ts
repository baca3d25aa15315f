import { venueText } from '@ey/presentation'
import { describe, expect, it } from 'vitest'

const hall = { name: 'Meadow Children’s Centre', address: ['1 Park Road', 'Leeds'], postcode: 'LS1 1AA' }

describe('venueText', () => {
  it.each([
    ['an online session', { format: 'online' as const }, 'Online'],
    ['an online session that still carries a venue', { format: 'online' as const, venue: hall }, 'Online'],
    [
      'an in-person session, with every address line',
      { format: 'in-person' as const, venue: hall },
      'Meadow Children’s Centre, 1 Park Road, Leeds, LS1 1AA',
    ],
    [
      'an in-person session with one address line',
      { format: 'in-person' as const, venue: { ...hall, address: ['Town Hall'] } },
      'Meadow Children’s Centre, Town Hall, LS1 1AA',
    ],
    [
      'a hybrid session',
      { format: 'hybrid' as const, venue: hall },
      'Meadow Children’s Centre, 1 Park Road, Leeds, LS1 1AA, or online',
    ],
    ['a hybrid session with no venue yet', { format: 'hybrid' as const }, 'Online'],
    ['an in-person session with no venue yet', { format: 'in-person' as const }, 'Online'],
  ])('writes where %s is', (_case, session, words) => {
    expect(venueText(session)).toBe(words)
  })

  it('reads a full venue (laCode, accessibility) as it reads its name, address and postcode', () => {
    const venue = { ...hall, laCode: 'E08000035', accessibility: 'Step-free entrance' }
    expect(venueText({ format: 'in-person', venue })).toBe(venueText({ format: 'in-person', venue: hall }))
  })
})
