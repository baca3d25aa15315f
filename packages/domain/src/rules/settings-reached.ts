import type { Person } from '../schemas/booking.ts'

/** What the count reads of a booking: the setting the person named, with its URN when they gave one. */
export type SettingFacts = Pick<Person, 'settingName' | 'ofstedUrn' | 'settingType' | 'laCode'>

// Legal forms say nothing about which setting it is: "Little Acorns Ltd" is "Little Acorns".
const LEGAL_SUFFIXES = new Set(['ltd', 'limited', 'llp', 'plc', 'cic', 'cio'])

/**
 * A setting's name in the form used to tell settings apart: accents dropped, lower case, `&` read
 * as "and", apostrophes dropped (`St Mary’s` = `St Marys`), every other punctuation mark read as a
 * space, spacing collapsed, "pre school" written "preschool", a leading "the" and trailing legal
 * forms (Ltd, Limited, LLP, PLC, CIC, CIO) dropped. A name that is nothing but those words keeps them.
 */
export function normaliseSettingName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('&', ' and ')
    .replace(/['’‘`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/\bpre school\b/g, 'preschool')
    .trim()
    .split(' ')
    .filter(Boolean)
  const core = [...words]
  if (core[0] === 'the') core.shift()
  while (core.length > 0 && LEGAL_SUFFIXES.has(core.at(-1) ?? '')) core.pop()
  return (core.length > 0 ? core : words).join(' ')
}

/**
 * How many distinct settings the bookings reached. Settings are told apart within each local
 * authority: by Ofsted URN where the person gave one, otherwise by the normalised name
 * (`normaliseSettingName`); a name given without a URN is the same setting as a booking in the
 * same LA that gave that name with a URN. Parents and carers at home (setting type `home`) are
 * not settings and are not counted. The same name in two LAs counts twice.
 */
export function countSettingsReached(people: readonly SettingFacts[]): number {
  const byLa = new Map<string, SettingFacts[]>()
  for (const person of people) {
    if (person.settingType === 'home') continue
    const inLa = byLa.get(person.laCode)
    if (inLa) inLa.push(person)
    else byLa.set(person.laCode, [person])
  }
  let total = 0
  for (const inLa of byLa.values()) total += settingsInOneLa(inLa)
  return total
}

function settingsInOneLa(people: readonly SettingFacts[]): number {
  return countNamedSettings(
    people.map((person) => ({
      name: normaliseSettingName(person.settingName),
      ...(person.ofstedUrn ? { urn: person.ofstedUrn } : {}),
    })),
  )
}

/**
 * The distinct settings of one LA from names already in the form that tells them apart (normalised,
 * or pseudonyms) and URNs, by the rule of `countSettingsReached`.
 */
export function countNamedSettings(settings: readonly { name: string; urn?: string }[]): number {
  const urns = new Set<string>()
  const namesWithUrn = new Set<string>()
  const namesWithoutUrn = new Set<string>()
  for (const { name, urn } of settings) {
    if (urn) {
      urns.add(urn)
      namesWithUrn.add(name)
    } else {
      namesWithoutUrn.add(name)
    }
  }
  const unmatched = [...namesWithoutUrn].filter((name) => !namesWithUrn.has(name))
  return urns.size + unmatched.length
}
