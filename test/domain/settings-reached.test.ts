import { countSettingsReached, normaliseSettingName, type Person, type SettingFacts } from '@ey/domain'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { makePerson } from '../support/factories.ts'

const LEEDS = 'E08000035'
const BRADFORD = 'E08000032'

const setting = (settingName: string, overrides: Partial<Person> = {}): SettingFacts =>
  makePerson({ settingName, settingType: 'private-nursery', laCode: LEEDS, ...overrides })

describe('normaliseSettingName', () => {
  it.each([
    ['Little Acorns Nursery', 'little acorns nursery'],
    ['  LITTLE   acorns  nursery ', 'little acorns nursery'],
    ['Little Acorns Nursery Ltd.', 'little acorns nursery'],
    ['Little Acorns Nursery Limited', 'little acorns nursery'],
    ['The Little Acorns Nursery', 'little acorns nursery'],
    ['Little-Acorns Nursery', 'little acorns nursery'],
    ['St Mary’s Nursery Class', 'st marys nursery class'],
    ["St. Mary's Nursery Class", 'st marys nursery class'],
    ['Oak Tree Family Hub & Children’s Centre', 'oak tree family hub and childrens centre'],
    ['Rainbow Pre-School', 'rainbow preschool'],
    ['Rainbow Pre School CIC', 'rainbow preschool'],
    ['Crèche Étoile', 'creche etoile'],
    ['Ltd', 'ltd'],
  ])('reads %j as %j', (name, normalised) => {
    expect(normaliseSettingName(name)).toBe(normalised)
  })
})

describe('countSettingsReached', () => {
  it('counts nothing for no bookings', () => {
    expect(countSettingsReached([])).toBe(0)
  })

  it('counts names that differ only in case, spacing, punctuation and legal form once', () => {
    const people = [
      setting('Busy Bees Day Nursery'),
      setting('busy bees day nursery'),
      setting('Busy Bees Day Nursery Ltd'),
      setting('Busy-Bees  Day Nursery.'),
      setting('Sunflower Childminding'),
    ]
    expect(countSettingsReached(people)).toBe(2)
  })

  it('counts by URN where given, whatever name was written beside it', () => {
    const people = [
      setting('Busy Bees', { ofstedUrn: '123456' }),
      setting('Busy Bees Day Nursery (Leeds)', { ofstedUrn: '123456' }),
      setting('Busy Bees', { ofstedUrn: '654321' }),
    ]
    expect(countSettingsReached(people)).toBe(2)
  })

  it('counts a name without a URN as the setting that gave the same name with one', () => {
    const people = [
      setting('Little Acorns Nursery', { ofstedUrn: '1234567' }),
      setting('little acorns nursery Ltd'),
    ]
    expect(countSettingsReached(people)).toBe(1)
  })

  it('counts a name without a URN that no URN booking gave as a setting of its own', () => {
    const people = [setting('Little Acorns', { ofstedUrn: '1234567' }), setting('Rainbow Pre-school')]
    expect(countSettingsReached(people)).toBe(2)
  })

  it('counts the same name in two local authorities twice', () => {
    expect(
      countSettingsReached([setting('Little Acorns'), setting('Little Acorns', { laCode: BRADFORD })]),
    ).toBe(2)
  })

  it('does not count parents and carers at home as settings', () => {
    const people = [
      setting('Home', { settingType: 'home', role: 'parent-or-carer' }),
      setting('home', { settingType: 'home', role: 'parent-or-carer' }),
      setting('Little Acorns'),
    ]
    expect(countSettingsReached(people)).toBe(1)
  })
})

const NAMES = [
  'Little Acorns',
  'little acorns ltd',
  'Busy Bees',
  'BUSY-BEES',
  'Rainbow Pre-school',
  'Oak Tree',
]
const arbitrarySetting: fc.Arbitrary<SettingFacts> = fc.record({
  settingName: fc.oneof(fc.constantFrom(...NAMES), fc.string({ minLength: 1, maxLength: 12 })),
  ofstedUrn: fc.option(fc.constantFrom('123456', '654321', '1234567'), { nil: undefined }),
  settingType: fc.constantFrom('private-nursery', 'childminder', 'home'),
  laCode: fc.constantFrom(LEEDS, BRADFORD),
})
const bookings = fc.array(arbitrarySetting, { maxLength: 40 })

describe('countSettingsReached, for any bookings', () => {
  it('gives the same count in any order', () => {
    fc.assert(
      fc.property(
        bookings.chain((people) =>
          fc.tuple(fc.constant(people), fc.shuffledSubarray(people, { minLength: people.length })),
        ),
        ([people, shuffled]) => {
          expect(countSettingsReached(shuffled)).toBe(countSettingsReached(people))
        },
      ),
    )
  })

  it('never counts more settings than bookings', () => {
    fc.assert(
      fc.property(bookings, (people) => {
        expect(countSettingsReached(people)).toBeLessThanOrEqual(people.length)
      }),
    )
  })

  it('never grows when a booking from a setting already counted is added again', () => {
    fc.assert(
      fc.property(
        bookings.filter((people) => people.length > 0),
        fc.nat(),
        (people, n) => {
          const again = people[n % people.length] as SettingFacts
          expect(countSettingsReached([...people, again])).toBe(countSettingsReached(people))
        },
      ),
    )
  })
})
