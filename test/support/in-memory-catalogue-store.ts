import type { CatalogueStore } from '@ey/domain'
import type { InMemoryBookingRepository } from './in-memory-bookings.ts'

/** The catalogue writes over the in-memory repository; `ifAbsent` refuses a taken id, like the adapter. */
export function createInMemoryCatalogueStore(repository: InMemoryBookingRepository): CatalogueStore {
  return {
    async putPartner(partner, mode) {
      const taken = (await repository.listPartners()).some((p) => p.id === partner.id)
      if (mode === 'ifAbsent' && taken) return false
      repository.putPartner(partner)
      return true
    },
    async putCourse(course, mode) {
      if (mode === 'ifAbsent' && (await repository.getCourse(course.id))) return false
      repository.putCourse(course)
      return true
    },
  }
}
