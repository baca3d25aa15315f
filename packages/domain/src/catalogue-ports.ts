import type { Course, Partner } from './schemas/catalogue.ts'

/**
 * The administrators' writes of partners and courses. `ifAbsent` writes only when the id is free
 * and answers false when it is taken; `replace` always writes.
 */
export interface CatalogueStore {
  putPartner(partner: Partner, mode: 'ifAbsent' | 'replace'): Promise<boolean>
  putCourse(course: Course, mode: 'ifAbsent' | 'replace'): Promise<boolean>
}
