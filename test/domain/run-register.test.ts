import { changeRegister, type RegisterDeps, ServiceBusyError } from '@ey/domain'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { makeDeps, makeSession, NOW, partAt, type TestDeps } from '../support/factories.ts'
import { createInMemoryRegisters } from '../support/in-memory-registers.ts'
import { makeStaff } from '../support/staff.ts'

const trainer = makeStaff({ sub: 'trainer-amira' })
const walkIn = (id: string) => ({
  kind: 'walk-in' as const,
  key: `k-${id}`,
  walkIn: { id, name: 'Grace Hopper' },
})

describe('register writes that lose a race', () => {
  let deps: TestDeps & RegisterDeps
  let lost: number
  let attempts: number

  beforeEach(() => {
    const base = makeDeps()
    const registers = createInMemoryRegisters(base.bookings)
    attempts = 0
    deps = {
      ...base,
      catalogue: base.bookings,
      registers: {
        ...registers,
        // Another device's write lands first `lost` times.
        writeRegister: async (write) => {
          attempts++
          return attempts > lost ? registers.writeRegister(write) : false
        },
      },
    }
    base.bookings.putSession(makeSession({ id: 'room', parts: [partAt(NOW)], trainerIds: ['trainer-amira'] }))
    vi.useFakeTimers({ now: NOW, toFake: ['setTimeout'] })
  })
  afterEach(() => vi.useRealTimers())

  it('reads again and writes after a backoff, so a few lost races still land', async () => {
    lost = 5
    const answer = changeRegister(deps, trainer, 'room', 0, [walkIn('walk-1')])
    await vi.runAllTimersAsync()
    expect((await answer).register.walkIns.map((w) => w.id)).toEqual(['walk-1'])
    expect(attempts).toBe(6)
  })

  it('answers ServiceBusyError (503) only after 8 attempts, without writing', async () => {
    lost = Number.POSITIVE_INFINITY
    const answer = changeRegister(deps, trainer, 'room', 0, [walkIn('walk-1')])
    const failed = expect(answer).rejects.toBeInstanceOf(ServiceBusyError)
    await vi.runAllTimersAsync()
    await failed
    expect(attempts).toBe(8)
    expect(await deps.registers.getRegisterPart('room', 0)).toBeUndefined()
  })
})
