import { type Person, ROLES, SETTING_TYPES } from '@ey/domain'
import { LOCAL_AUTHORITIES } from '@ey/reference-data'

const FIRST = [
  'Aisha',
  'Ben',
  'Chloe',
  'Dev',
  'Ella',
  'Femi',
  'Grace',
  'Harj',
  'Isla',
  'Jamal',
  'Kerry',
  'Leah',
  'Mo',
  'Nia',
  'Owen',
  'Priya',
  'Rosa',
  'Sam',
  'Tom',
  'Zara',
]
const LAST = [
  'Ahmed',
  'Brown',
  'Clarke',
  'Davies',
  'Evans',
  'Fisher',
  'Green',
  'Hussain',
  'Khan',
  'Lewis',
  'Morgan',
  'Nowak',
  'Okafor',
  'Patel',
  'Roberts',
  'Singh',
  'Taylor',
  'Walsh',
  'Wright',
  'Young',
]
const SETTINGS = [
  'Little Acorns Nursery',
  'Rainbow Pre-school',
  'Busy Bees Day Nursery',
  'St Mary’s Nursery Class',
  'Sunflower Childminding',
  'Oak Tree Family Hub',
]

/** The n-th demo person: deterministic, with example.org addresses that can never reach anyone. */
export function demoPerson(n: number, laCode?: string): Person {
  const first = FIRST[n % FIRST.length] ?? 'Alex'
  const last = LAST[Math.floor(n / FIRST.length) % LAST.length] ?? 'Smith'
  const role = ROLES[n % ROLES.length] ?? 'other'
  const parent = role === 'parent-or-carer'
  return {
    name: `${first} ${last}`,
    email: `${first}.${last}.${n}@example.org`.toLowerCase(),
    role,
    settingName: parent ? 'Home' : (SETTINGS[n % SETTINGS.length] ?? 'Nursery'),
    settingType: parent ? 'home' : (SETTING_TYPES[n % (SETTING_TYPES.length - 2)] ?? 'other'),
    laCode: laCode ?? LOCAL_AUTHORITIES[(n * 37) % LOCAL_AUTHORITIES.length]?.code ?? 'E08000035',
    shareWithLa: n % 3 !== 0,
    ...(n % 11 === 0 ? { accessNeeds: 'Captions please for online sessions.' } : {}),
  }
}
