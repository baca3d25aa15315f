import {
  applyRegisterChanges,
  changeRegister,
  changeScope,
  openRegister,
  type RegisterChange,
  type RegisterDeps,
  updateRegisterPart,
} from '@ey/domain'
import {
  createDynamoBookingRepository,
  createDynamoCatalogueRepository,
  createDynamoRegisterRepository,
} from '@ey/dynamodb'
import { QueryCommand } from '@ey/dynamodb/client'
import { type LocalService, startDynamoDbLocal } from '@ey/local-stack'
import { hmacTokens, randomIds } from '@ey/runtime'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestTable, seedBookings, storeSessions, type TestTable } from '../support/dynamo.ts'
import { fakeClock, HOUR, makeCourse, makeSession, NOW, partAt } from '../support/factories.ts'
import { makeStaff } from '../support/staff.ts'

const PEOPLE = 2000
const BATCH = 100

describe('a register of 2,000 people on one part (DynamoDB Local)', () => {
  let table: TestTable
  let deps: RegisterDeps
  // A DynamoDB Local of its own: its 2,000-item writes would otherwise queue behind (and hold up)
  // every other test file's on the run's shared instance, whose tables share one database.
  let dynamo: LocalService

  beforeAll(async () => {
    dynamo = await startDynamoDbLocal()
    table = await createTestTable(dynamo.endpoint)
    const catalogue = createDynamoCatalogueRepository(table)
    await catalogue.putCourse(makeCourse())
    deps = {
      bookings: createDynamoBookingRepository(table),
      registers: createDynamoRegisterRepository(table),
      catalogue,
      clock: fakeClock(new Date(NOW.getTime() + 2 * HOUR)),
      ids: randomIds,
    }
  })

  afterAll(async () => {
    table?.client.destroy()
    await dynamo?.stop()
  })

  it('marks everyone present in batches, reads it back whole, and keeps every item small', async () => {
    const session = makeSession({
      id: 'webinar',
      format: 'online',
      capacity: PEOPLE,
      parts: [partAt(NOW)],
      trainerIds: ['trainer-amira'],
    })
    await storeSessions(table, session)
    const people = await seedBookings(table, session, PEOPLE, hmacTokens('x'.repeat(32)))
    const trainer = makeStaff({ sub: 'trainer-amira' })
    // Everyone marked present through the register's write path, five batches at a time...
    const marks = (from: number, size: number, mark: 'present' | 'late') =>
      people
        .slice(from, from + size)
        .map(({ id }): RegisterChange => ({ kind: 'mark', key: `${mark}-${id}`, subject: id, mark }))
    const bookingIds = new Set(people.map(({ id }) => id))
    const starts = Array.from({ length: PEOPLE / BATCH }, (_, n) => n * BATCH)
    for (let i = 0; i < starts.length; i += 5) {
      await Promise.all(
        starts.slice(i, i + 5).map((from) => {
          const changes = marks(from, BATCH, 'present')
          return updateRegisterPart(deps, session.id, 0, changeScope(changes, bookingIds), (current) => {
            const at = deps.clock.now()
            return applyRegisterChanges(current, changes, { by: trainer.sub, at, bookingIds }).register
          })
        }),
      )
    }
    // ...then a trainer's request on the full register, which settles the bookings it names.
    const late = await changeRegister(deps, trainer, session.id, 0, marks(0, 20, 'late'))
    expect(late.booked.filter((booking) => booking.status === 'attended')).toHaveLength(20)

    const sheet = await openRegister(deps, trainer, session.id, 0)
    expect(sheet.booked).toHaveLength(PEOPLE)
    const marked = Object.values(sheet.register.entries).map((entry) => entry.mark)
    expect(marked.filter((mark) => mark === 'present')).toHaveLength(PEOPLE - 20)
    expect(marked.filter((mark) => mark === 'late')).toHaveLength(20)
    expect(sheet.register.audit).toHaveLength(PEOPLE + 20)

    const sizes: number[] = []
    let start: Record<string, unknown> | undefined
    do {
      const page = await table.doc.send(
        new QueryCommand({
          TableName: table.tableName,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': `SESSION#${session.id}`, ':prefix': 'REGISTER#' },
          ExclusiveStartKey: start,
        }),
      )
      for (const item of page.Items ?? []) sizes.push(JSON.stringify(item).length)
      start = page.LastEvaluatedKey
    } while (start)
    expect(sizes).toHaveLength(2 * PEOPLE + 20)
    // Far below DynamoDB's 400 KB item limit, which the register as one item passed near 1,000 people.
    expect(Math.max(...sizes)).toBeLessThan(1024)
    expect(sizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(400 * 1024)
  }, 120_000)
})
