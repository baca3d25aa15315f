import { type AccessAuditEntry, addDays } from '@ey/domain'
import { createDynamoAccessAudit } from '@ey/dynamodb'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestTable } from '../support/dynamo.ts'
import { LEEDS } from '../support/factories.ts'

const WAKEFIELD = 'E08000036'

function entry(at: string, id: string, laCode = LEEDS): AccessAuditEntry {
  return {
    id,
    at,
    action: 'la-attendees-csv',
    staff: { sub: 'la-leeds', name: 'Priya Shah (Leeds)' },
    laCode,
    period: { from: '2026-09-01', to: '2027-08-31' },
  }
}

/** Entries over three UTC months, two LAs; one at London midnight starting 1 November (GMT). */
const ENTRIES = [
  entry('2026-09-30T22:59:00.000Z', 'e01'),
  // 23:00 UTC on 30 September is midnight, 1 October, in London (BST).
  entry('2026-09-30T23:00:00.000Z', 'e02'),
  entry('2026-10-10T09:00:00.000Z', 'e03', WAKEFIELD),
  entry('2026-10-10T09:00:00.000Z', 'e04'),
  entry('2026-10-20T09:00:00.000Z', 'e05'),
  entry('2026-11-01T00:00:00.000Z', 'e06'),
  entry('2026-11-15T09:00:00.000Z', 'e07', WAKEFIELD),
]
const OCTOBER = { from: '2026-10-01', to: '2026-10-31' }

describe('the access audit on DynamoDB', () => {
  const audit = (async () => {
    const store = createDynamoAccessAudit(await createTestTable())
    for (const item of ENTRIES) await store.record(item)
    return store
  })()
  let store: Awaited<typeof audit>
  beforeAll(async () => {
    store = await audit
  })

  const ids = (entries: AccessAuditEntry[]) => entries.map((item) => item.id)

  it('lists the entries made on the London days of the period, newest first, as recorded', async () => {
    const { entries, next } = await store.list({ period: OCTOBER, limit: 50 })
    expect(ids(entries)).toEqual(['e05', 'e04', 'e03', 'e02'])
    expect(next).toBeUndefined()
    expect(entries[3]).toEqual(ENTRIES[1])
  })

  it('records a register read without an LA: listed with every LA’s, never under one LA', async () => {
    const read: AccessAuditEntry = {
      id: 'e-register',
      at: '2026-12-01T10:00:00.000Z',
      action: 'register-view',
      staff: { sub: 'trainer-amira' },
      session: { id: 'ses-1', title: 'Speech and language', part: 1 },
      rows: 12,
    }
    await store.record(read)
    const december = { from: '2026-12-01', to: '2026-12-31' }
    expect((await store.list({ period: december, limit: 50 })).entries).toEqual([read])
    expect((await store.list({ period: december, laCode: LEEDS, limit: 50 })).entries).toEqual([])
  })

  it('lists one LA’s entries only', async () => {
    const period = { from: '2026-09-01', to: '2026-11-30' }
    expect(ids((await store.list({ period, laCode: WAKEFIELD, limit: 50 })).entries)).toEqual(['e07', 'e03'])
    expect(ids((await store.list({ period, laCode: LEEDS, limit: 50 })).entries)).toEqual([
      'e06',
      'e05',
      'e04',
      'e02',
      'e01',
    ])
  })

  it.each([
    ['every LA', undefined],
    ['one LA', LEEDS],
  ])('pages %s across months with the position of the last entry shown', async (_, laCode) => {
    const period = { from: '2026-09-01', to: '2026-11-30' }
    const seen: string[] = []
    let after: { at: string; id: string } | undefined
    for (let page = 0; page < 10; page++) {
      const answer = await store.list({
        period,
        limit: 2,
        ...(laCode ? { laCode } : {}),
        ...(after ? { after } : {}),
      })
      seen.push(...ids(answer.entries))
      expect(answer.entries.length).toBeLessThanOrEqual(2)
      after = answer.next
      if (!after) break
    }
    const expected = ENTRIES.filter((item) => !laCode || item.laCode === laCode)
      .map((item) => item.id)
      .reverse()
    expect(seen).toEqual(expected)
  })

  it('answers nothing for a period with no entries, over many months', async () => {
    const period = { from: '2016-01-01', to: addDays('2016-01-01', 3000) }
    expect(await store.list({ period, limit: 50 })).toEqual({ entries: [] })
  })

  it('refuses to record an entry twice', async () => {
    await expect(store.record(ENTRIES[0] as AccessAuditEntry)).rejects.toThrow()
  })
})
