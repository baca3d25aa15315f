import {
  cancelSession,
  changeCapacity,
  DEFAULT_POLICY,
  editSession,
  scheduleSession,
  scheduleSessions,
  setSessionStatus,
} from '@ey/domain'
import {
  createDynamoBookingRepository,
  createDynamoCatalogueRepository,
  createDynamoInterestAlertStore,
  createDynamoSessionStore,
  createOutboxStore,
  keys,
} from '@ey/dynamodb'
import { GetCommand } from '@ey/dynamodb/client'
import { localAuthorities } from '@ey/reference-data'
import { hmacTokens, randomIds, sha256Fingerprints } from '@ey/runtime'
import { beforeAll, describe, expect, it } from 'vitest'
import { createTestTable, type TestTable } from '../support/dynamo.ts'
import { fakeClock, makeCourse, makeSessionInput } from '../support/factories.ts'
import { bookAll } from '../support/session-admin.ts'

describe('the DynamoDB session store', () => {
  let table: TestTable
  let deps: Parameters<typeof scheduleSession>[0]
  const all = { from: new Date('2026-01-01'), to: new Date('2027-01-01') }
  const raw = async (key: { pk: string; sk: string }) =>
    (await table.doc.send(new GetCommand({ TableName: table.tableName, Key: key }))).Item

  beforeAll(async () => {
    table = await createTestTable()
    const options = { doc: table.doc, tableName: table.tableName }
    const catalogue = createDynamoCatalogueRepository(options)
    await catalogue.putCourse(makeCourse())
    deps = {
      bookings: createDynamoBookingRepository(options),
      sessions: createDynamoSessionStore(options),
      catalogue,
      clock: fakeClock(),
      ids: randomIds,
      fingerprints: sha256Fingerprints,
      tokens: hmacTokens('a-session-store-secret-long-enough'),
      las: localAuthorities,
      policy: DEFAULT_POLICY,
      alerts: createDynamoInterestAlertStore(options),
      outbox: createOutboxStore(options),
    }
  })

  it('lists drafts for administrators while only published sessions carry the public listing keys', async () => {
    const draft = await scheduleSession(deps, makeSessionInput({ status: 'draft' }))
    expect((await raw(keys.session(draft.id)))?.gsi1pk).toBeUndefined()
    expect((await deps.sessions.listSessions(all)).map((s) => s.id)).toContain(draft.id)

    await setSessionStatus(deps, draft.id, 'published')
    expect((await raw(keys.session(draft.id)))?.gsi1pk).toBe('SESSIONS#2026-03')
    await setSessionStatus(deps, draft.id, 'draft')
    expect((await raw(keys.session(draft.id)))?.gsi1pk).toBeUndefined()
  })

  it('keeps capacity at or above the places held in the write itself', async () => {
    const { id } = await scheduleSession(deps, makeSessionInput({ capacity: 2 }))
    await bookAll(deps, id, ['a@example.org', 'b@example.org', 'c@example.org'])

    await expect(deps.sessions.setCapacity(id, 1, new Date())).rejects.toMatchObject({
      code: 'capacity-below-held',
    })
    const raised = await changeCapacity(deps, id, 3)
    expect(raised).toMatchObject({ capacity: 3, heldCount: 3, waitingCount: 0 })
  })

  it('moves every live booking with the session, index keys included, and cancels them all once', async () => {
    const { id } = await scheduleSession(deps, makeSessionInput())
    const [bookingId = ''] = await bookAll(deps, id, ['x@example.org'])
    const later = makeSessionInput({ parts: [{ date: '2026-04-20', startTime: '16:00', endTime: '17:00' }] })

    await editSession(deps, id, later, 'admin-1')
    const moved = await raw(keys.booking(bookingId))
    expect(moved?.gsi2sk).toMatch(/^2026-04-20T15:00:00.000Z#/)
    expect(moved?.history).toHaveLength(2)

    expect((await cancelSession(deps, id, 'admin-1')).cancelled).toBe(1)
    expect((await cancelSession(deps, id, 'admin-1')).cancelled).toBe(0)
    expect(await deps.sessions.getSession(id)).toMatchObject({ status: 'cancelled', heldCount: 0 })
    expect((await raw(keys.session(id)))?.gsi1pk).toBeUndefined()
  })

  it('imports all rows or none', async () => {
    const before = (await deps.sessions.listSessions(all)).length
    const bad = await scheduleSessions(deps, [makeSessionInput(), makeSessionInput({ format: 'in-person' })])
    expect(bad.rows).toHaveLength(1)
    expect(await deps.sessions.listSessions(all)).toHaveLength(before)

    const [taken] = await deps.sessions.listSessions(all)
    if (!taken) throw new Error('the earlier tests scheduled sessions')
    await expect(deps.sessions.createSessions([{ ...taken, id: 'fresh-1' }, taken])).rejects.toMatchObject({
      code: 'already-exists',
    })
    expect(await deps.sessions.getSession('fresh-1')).toBeUndefined()
  })
})
