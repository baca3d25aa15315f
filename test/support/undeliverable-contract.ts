import type { UndeliverableAddresses } from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { uniqueAddress } from './ses.ts'

/**
 * The contract every `UndeliverableAddresses` must honour: an address marked is undeliverable
 * whatever its case, listed latest first, and cleared by its id. `makeStore` may hand back the
 * same store each time: every test uses addresses of its own.
 */
export function describeUndeliverableContract(
  name: string,
  makeStore: () => Promise<UndeliverableAddresses>,
) {
  describe(`${name}: the undeliverable addresses contract`, () => {
    it('treats a marked address as undeliverable whatever its case, and others not', async () => {
      const store = await makeStore()
      const address = uniqueAddress('bounced')

      await store.mark({
        address,
        reason: 'bounce',
        detail: 'Permanent/General',
        at: '2026-03-02T09:00:00.000Z',
      })

      expect(await store.isUndeliverable(` ${address.toUpperCase()} `)).toBe(true)
      expect(await store.isUndeliverable(uniqueAddress('other'))).toBe(false)
    })

    it('lists addresses latest report first, with an id that is not the address, and clears one by its id', async () => {
      const store = await makeStore()
      const [older, newer] = [uniqueAddress('older'), uniqueAddress('newer')]
      await store.mark({
        address: older,
        reason: 'bounce',
        detail: 'Permanent/NoEmail',
        at: '2026-03-02T09:00:00.000Z',
      })
      await store.mark({
        address: newer,
        reason: 'complaint',
        detail: 'abuse',
        at: '2026-03-02T10:00:00.000Z',
      })

      const listed = (await store.list(10_000)).filter((entry) => [older, newer].includes(entry.address))
      expect(listed.map(({ address, reason, detail }) => ({ address, reason, detail }))).toEqual([
        { address: newer, reason: 'complaint', detail: 'abuse' },
        { address: older, reason: 'bounce', detail: 'Permanent/NoEmail' },
      ])
      const [latest] = listed
      expect(latest?.id).not.toContain('@')

      expect(await store.clear(latest?.id ?? '')).toMatchObject({ address: newer })
      expect(await store.clear(latest?.id ?? '')).toBeUndefined()
      expect(await store.isUndeliverable(newer)).toBe(false)
      expect(await store.isUndeliverable(older)).toBe(true)
    })

    it('lists at most the number asked for, the latest reports', async () => {
      const store = await makeStore()
      const addresses = [1, 2, 3].map((i) => uniqueAddress(`capped${i}`))
      for (const [i, address] of addresses.entries())
        await store.mark({
          address,
          reason: 'bounce',
          detail: 'Permanent/General',
          at: `2199-01-0${i + 1}T09:00:00.000Z`,
        })

      expect((await store.list(2)).map((entry) => entry.address)).toEqual([addresses[2], addresses[1]])
    })

    it('keeps one entry per address, the latest report', async () => {
      const store = await makeStore()
      const address = uniqueAddress('twice')
      await store.mark({
        address,
        reason: 'bounce',
        detail: 'Permanent/General',
        at: '2026-03-02T09:00:00.000Z',
      })
      await store.mark({
        address: address.toUpperCase(),
        reason: 'complaint',
        detail: 'abuse',
        at: '2026-03-03T09:00:00.000Z',
      })

      const entries = (await store.list(10_000)).filter(
        (entry) => entry.address.toLowerCase() === address.toLowerCase(),
      )
      expect(entries.map((entry) => entry.reason)).toEqual(['complaint'])
    })
  })
}
