import { normaliseEmail, type UndeliverableAddress, type UndeliverableAddresses } from '@ey/domain'
import { sha256Fingerprints } from '@ey/runtime'

/** The undeliverable addresses in memory, keyed like the table by a hash of the normalised address. */
export function createInMemoryUndeliverable(): UndeliverableAddresses {
  const entries = new Map<string, UndeliverableAddress>()
  const idOf = (address: string) => sha256Fingerprints.of(normaliseEmail(address)).slice(0, 32)
  return {
    isUndeliverable: async (address) => entries.has(idOf(address)),
    mark: async (entry) => {
      const id = idOf(entry.address)
      entries.set(id, { id, ...entry })
    },
    list: async (max) => [...entries.values()].sort((a, b) => b.at.localeCompare(a.at)).slice(0, max),
    clear: async (id) => {
      const entry = entries.get(id)
      entries.delete(id)
      return entry
    },
  }
}
