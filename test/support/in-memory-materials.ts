import type { Material, MaterialStore } from '@ey/domain'

/** Materials in memory, with the DynamoDB store's behaviour (see `material-contract.ts`). */
export function createInMemoryMaterialStore(): MaterialStore {
  const byOwner = new Map<string, Map<string, Material>>()
  const ownerKey = (owner: Material['owner']) => `${owner.kind}#${owner.id}`
  return {
    async add(material) {
      const key = ownerKey(material.owner)
      const materials = byOwner.get(key) ?? new Map()
      materials.set(material.id, structuredClone(material))
      byOwner.set(key, materials)
    },
    async remove(owner, id) {
      const materials = byOwner.get(ownerKey(owner))
      const found = materials?.get(id)
      materials?.delete(id)
      return found
    },
    async listOf(owner) {
      const materials = [...(byOwner.get(ownerKey(owner))?.values() ?? [])]
      return materials.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).map((m) => structuredClone(m))
    },
  }
}
