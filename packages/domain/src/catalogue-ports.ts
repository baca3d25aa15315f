import type { Course, Partner } from './schemas/catalogue.ts'

/**
 * Writes of partners and courses (sessions are written by the session store alone). `ifAbsent`
 * writes only when the id is free and answers false when it is taken; `replace`, the default,
 * always writes.
 */
export interface CatalogueStore {
  putPartner(partner: Partner, mode?: 'ifAbsent' | 'replace'): Promise<boolean>
  putCourse(course: Course, mode?: 'ifAbsent' | 'replace'): Promise<boolean>
}
