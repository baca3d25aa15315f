import { randomUUID } from 'node:crypto'
import type { Material, MaterialStore } from '@ey/domain'
import { describe, expect, it } from 'vitest'
import { NOW } from './factories.ts'

/** A link material of a session of its own (ids unique per call, so stores can be shared). */
export function makeLinkMaterial(overrides: Partial<Material> = {}): Material {
  return {
    id: `m-${randomUUID()}`,
    owner: { kind: 'session', id: `ses-${randomUUID()}` },
    kind: 'link',
    title: 'Makaton signs to start with',
    url: 'https://example.org/signs',
    audience: 'booked',
    addedAt: NOW.toISOString(),
    addedBy: 'trainer-amira',
    ...overrides,
  } as Material
}

/** What every material store does: the in-memory double and the DynamoDB store alike. */
export function describeMaterialContract(name: string, makeStore: () => Promise<MaterialStore>): void {
  describe(name, () => {
    it('lists an owner’s materials oldest first, files and links alike, and no one else’s', async () => {
      const store = await makeStore()
      const owner = { kind: 'session', id: `ses-${randomUUID()}` } as const
      const link = makeLinkMaterial({ id: 'a-first', owner })
      const { url: _url, ...base } = makeLinkMaterial({ id: 'b-second', owner }) as Material & { url: string }
      const file: Material = {
        ...base,
        kind: 'file',
        fileName: 'slides.pdf',
        contentType: 'application/pdf',
        size: 1234,
        storageKey: `materials/session/${owner.id}/b-second/slides.pdf`,
      } as Material
      await store.add(file)
      await store.add(link)
      await store.add(makeLinkMaterial())
      await store.add(makeLinkMaterial({ owner: { kind: 'course', id: owner.id } }))
      expect(await store.listOf(owner)).toEqual([link, file])
    })

    it('removes a material, answering it, and answers undefined when it is not there', async () => {
      const store = await makeStore()
      const material = makeLinkMaterial()
      await store.add(material)
      expect(await store.remove(material.owner, material.id)).toEqual(material)
      expect(await store.listOf(material.owner)).toEqual([])
      expect(await store.remove(material.owner, material.id)).toBeUndefined()
    })
  })
}
