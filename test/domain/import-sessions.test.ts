import { readFileSync } from 'node:fs'
import {
  importSessions,
  parseSessionCsv,
  previewSessionImport,
  SESSION_CSV_COLUMNS,
  sessionCsvTemplate,
} from '@ey/domain'
import { beforeEach, describe, expect, it } from 'vitest'
import { type AdminTestDeps, makeAdminDeps } from '../support/session-admin.ts'

const FILE = readFileSync(new URL('../fixtures/sessions-import.csv', import.meta.url), 'utf8')
const GOOD_ROWS = FILE.split('\n').slice(0, 3).join('\n')
const everything = { from: new Date(0), to: new Date('2100-01-01') }

let deps: AdminTestDeps

beforeEach(() => {
  deps = makeAdminDeps()
})

describe('sessionCsvTemplate', () => {
  it('has every column in its header and an example row that imports cleanly', async () => {
    const template = sessionCsvTemplate()
    expect(template.split('\r\n')[0]).toBe(SESSION_CSV_COLUMNS.join(','))
    const [row] = parseSessionCsv(template)
    expect(row?.errors).toEqual([])
  })
})

describe('parseSessionCsv', () => {
  it.each([
    ['24;1', [1440, 60]],
    ['none', []],
    ['', undefined],
  ])('reads reminder hours %j as minutes before each part', (hours, leads) => {
    const csv = `course_id,format,capacity,part_1_date,part_1_start,part_1_end,reminder_hours\nslcn-core,online,10,2026-06-01,16:00,17:00,${hours}\n`
    const [row] = parseSessionCsv(csv)
    expect(row?.errors).toEqual([])
    expect(row?.input?.reminderLeadsMinutes).toEqual(leads)
  })

  it('names the reminder column when it holds something other than hours', () => {
    const csv =
      'course_id,format,capacity,part_1_date,part_1_start,part_1_end,reminder_hours\nslcn-core,online,10,2026-06-01,16:00,17:00,soon\n'
    expect(parseSessionCsv(csv)[0]?.errors.map((e) => e.column)).toEqual(['reminder_hours'])
  })
})

describe('previewSessionImport', () => {
  it("answers every bad row's errors by row number and column, and writes nothing", async () => {
    const preview = await previewSessionImport(deps, FILE)

    expect(preview.valid).toBe(2)
    expect(preview.rows.map((r) => [r.row, r.errors.map((e) => e.column)])).toEqual([
      [2, []],
      [3, []],
      [4, ['capacity', 'part_1_date']],
      [5, ['course_id', 'part_2_date', 'venue_name']],
    ])
    expect(preview.rows[1]).toMatchObject({
      title: 'Speech, language and communication: core',
      startsAt: '2026-06-15T08:30:00.000Z',
    })
    expect(preview.sessions).toEqual([])
    expect(await deps.sessions.listSessions(everything)).toEqual([])
  })

  it('reports a file it cannot read as a whole', async () => {
    const preview = await previewSessionImport(deps, 'course_id,colour\nslcn-core,red\n')
    expect(preview.fileErrors).toEqual(['Unknown columns: colour'])
  })
})

describe('importSessions', () => {
  it('imports none of the rows when any is wrong', async () => {
    await expect(importSessions(deps, FILE)).rejects.toMatchObject({
      code: 'validation-failed',
      fieldErrors: expect.arrayContaining([{ field: 'row 4, capacity', message: expect.any(String) }]),
    })
    expect(await deps.sessions.listSessions(everything)).toEqual([])
  })

  it('imports every row when all are right, parts and lists included', async () => {
    const sessions = await importSessions(deps, GOOD_ROWS)

    expect(sessions).toHaveLength(2)
    expect(sessions[0]).toMatchObject({
      parts: [{ startsAt: '2026-06-01T15:00:00.000Z' }, { startsAt: '2026-06-08T15:00:00.000Z' }],
      venue: { address: ['1 Park Row', 'Leeds'], accessibility: 'Step-free entrance' },
      trainerIds: ['trainer-amira'],
      status: 'published',
    })
    expect(sessions[1]).toMatchObject({ status: 'draft', bespokeLaCodes: ['E08000035', 'E09000033'] })
    expect(await deps.sessions.listSessions(everything)).toHaveLength(2)
  })
})
