import { readFileSync } from 'node:fs'
import { decodeReport, matchParticipantReport, parseParticipantReport } from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { makePerson } from '../support/factories.ts'

const fixture = (name: string) => decodeReport(readFileSync(new URL(`fixtures/${name}`, import.meta.url)))

const bookings = [
  { id: 'b-ada', emailKey: 'ada@example.org', person: makePerson() },
  { id: 'b-mary', emailKey: 'mary@example.org', person: makePerson({ name: 'Mary Somerville' }) },
  { id: 'b-emmy', emailKey: 'emmy@example.org', person: makePerson({ name: 'Emmy Noether' }) },
] as never

describe('parseParticipantReport', () => {
  it('reads the participants section of a Teams attendance report (UTF-16, tab-separated)', () => {
    const rows = parseParticipantReport(fixture('teams-attendance-report.csv'))
    expect(rows).toEqual([
      { name: 'Amira Trainer', email: 'amira@trainers.example.org', minutes: 92 },
      { name: 'Ada Lovelace', email: 'ADA@Example.org', minutes: 89 },
      { name: 'Mary Somerville', email: 'mary@example.org', minutes: 40 },
      { name: 'Phone user', minutes: 84 },
    ])
  })

  it('reads a Zoom participants export, adding up the minutes of someone who rejoined', () => {
    const rows = parseParticipantReport(fixture('zoom-participants.csv'))
    expect(rows).toEqual([
      { name: 'Amira Trainer', email: 'amira@trainers.example.org', minutes: 94 },
      { name: 'Ada L', email: 'ada@example.org', minutes: 88 },
      { name: 'Somerville, Mary', email: 'mary@example.org', minutes: 88 },
      { name: 'iPhone', minutes: 70 },
    ])
  })

  it('refuses a file without a table of names and email addresses, naming the report field', () => {
    expect(() =>
      parseParticipantReport('Full Name\tUser Action\tTimestamp\nAda\tJoined\t16/03/2026'),
    ).toThrow(expect.objectContaining({ fieldErrors: [expect.objectContaining({ field: 'report' })] }))
  })
})

describe('matchParticipantReport', () => {
  it('matches by normalised email and lists the rest for review', () => {
    const rows = parseParticipantReport(fixture('teams-attendance-report.csv'))
    const matching = matchParticipantReport(rows, bookings)
    expect(matching.matches.map((m) => m.bookingId)).toEqual(['b-ada', 'b-mary'])
    expect(matching.unmatched.map((row) => row.name)).toEqual(['Amira Trainer', 'Phone user'])
    expect(matching.missing).toEqual(['b-emmy'])
  })
})
