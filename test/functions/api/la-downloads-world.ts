import type { Booking, BookingStatus, Person } from '@ey/domain'
import { bookingItem } from '@ey/dynamodb'
import { PutCommand } from '@ey/dynamodb/client'
import { parse } from 'csv-parse/sync'
import {
  LEEDS,
  makeBooking,
  makeCourse,
  makePerson,
  makeQuestionnaireResponse,
  makeSnapshot,
  partAt,
} from '../../support/factories.ts'
import { type DemoStaffName, staffToken } from '../../support/staff.ts'
import { createTestApi, type TestApi } from './support.ts'

export const WAKEFIELD = 'E08000036'
export const NEWCASTLE = 'E08000021'
/** The period the tests download: October and November 2026. */
export const PERIOD = { from: '2026-10-01', to: '2026-11-30' }
export const AUTISM = makeCourse({ id: 'autism-early', title: 'Autism in the early years' })

/** A two-part course in October (16:00 and 16:00 London, BST), and a one-part one in November. */
const SLCN_SNAPSHOT = makeSnapshot({
  parts: [partAt('2026-10-05T15:00:00.000Z'), partAt('2026-10-12T15:00:00.000Z')],
})
const AUTISM_SNAPSHOT = makeSnapshot({
  courseId: AUTISM.id,
  title: AUTISM.title,
  parts: [partAt('2026-11-03T17:00:00.000Z')],
})

/** The formula-like names of people who agreed to share: each must come out as inert text. */
export const FORMULA_NAMES = ['=HYPERLINK("http://x","y")', '+Plus Person', '-Minus Person', '@At Person']

let serial = 0
function booking(
  name: string,
  status: BookingStatus,
  person: Partial<Person> = {},
  snapshot = SLCN_SNAPSHOT,
): Booking {
  serial++
  const email = `person-${serial}@example.org`
  return makeBooking({
    id: `bk-la-${serial}`,
    sessionId: snapshot.courseId === AUTISM.id ? 'ses-autism' : 'ses-slcn',
    status,
    person: makePerson({ name, email, laCode: LEEDS, shareWithLa: true, ...person }),
    emailKey: email,
    session: snapshot,
  })
}

/** Leeds's people who agreed to share, in the period: exactly the names the attendee list holds. */
export const AMIRA = booking('Amira Khan', 'attended', { role: 'senco', ofstedUrn: '123456' })
const NO_SHOW = booking('Absent Person', 'no-show', {}, AUTISM_SNAPSHOT)
export const LISTED: Booking[] = [
  AMIRA,
  ...FORMULA_NAMES.map((name) => booking(name, 'confirmed')),
  booking('Cancelled Person', 'cancelled', {}, AUTISM_SNAPSHOT),
  NO_SHOW,
  ...[1, 2, 3].map((n) => booking(`Attendee ${n}`, 'attended')),
]
/** Counted in Leeds's figures, never listed. */
export const NOT_SHARING: Booking[] = [
  booking('Hidden Person', 'attended', { shareWithLa: false }),
  ...[4, 5, 6].map((n) => booking(`Attendee ${n}`, 'attended', { shareWithLa: false })),
]
/** Never in Leeds's downloads: another LA, or outside the period. */
export const ELSEWHERE: Booking[] = [
  booking('Wakefield Person', 'attended', { laCode: WAKEFIELD }),
  booking('Outside Person', 'attended', {}, makeSnapshot({ parts: [partAt('2026-09-15T15:00:00.000Z')] })),
]

/** The API on a table of its own holding the bookings above (each opened by its issued token), their registers and Amira's pre answers. */
export async function createLaDownloadsApi(
  overrides: Parameters<typeof createTestApi>[0] = {},
): Promise<TestApi> {
  const api = await createTestApi(overrides)
  await api.catalogue.putCourse(makeCourse())
  await api.catalogue.putCourse(AUTISM)
  for (const item of [...LISTED, ...NOT_SHARING, ...ELSEWHERE]) {
    // Each opens with the manage token the API issues for its id, as the emailed link would.
    const manageTokenHash = api.deps.tokens.hash(api.deps.tokens.issue(item.id))
    await api.table.doc.send(
      new PutCommand({ TableName: api.table.tableName, Item: bookingItem.to({ ...item, manageTokenHash }) }),
    )
  }
  await api.deps.registers.writeRegister({
    sessionId: 'ses-slcn',
    part: 0,
    lines: [{ subject: AMIRA.id, entry: { mark: 'present' }, version: 0 }],
    walkIns: [],
    audit: [],
  })
  await api.deps.registers.writeRegister({
    sessionId: 'ses-slcn',
    part: 1,
    lines: [{ subject: AMIRA.id, entry: { mark: 'apologies' }, version: 0 }],
    walkIns: [],
    audit: [],
  })
  await api.deps.registers.writeRegister({
    sessionId: 'ses-autism',
    part: 0,
    lines: [{ subject: NO_SHOW.id, entry: { mark: 'absent' }, version: 0 }],
    walkIns: [],
    audit: [],
  })
  await api.deps.questionnaires.saveResponse(
    makeQuestionnaireResponse({ bookingId: AMIRA.id, kind: 'pre', sessionId: 'ses-slcn' }),
  )
  return api
}

/** A GET as a demo staff member. */
export async function getAs(api: TestApi, user: DemoStaffName, path: string): Promise<Response> {
  return api.app.request(path, { headers: { Authorization: `Bearer ${await staffToken(user)}` } })
}

/** A CSV file's rows after its byte order mark, each an array of cells. */
export async function csvRows(response: Response): Promise<string[][]> {
  const bytes = new Uint8Array(await response.arrayBuffer())
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
  if (!text.startsWith('\uFEFF')) throw new Error('The file has no byte order mark')
  return parse(text.slice(1), { relax_column_count: false }) as string[][]
}
