import type { CatalogueStore } from '../catalogue-ports.ts'
import { DomainError, ValidationError } from '../errors.ts'
import type { CatalogueRepository } from '../ports.ts'
import { questionnaireDaysErrors } from '../rules/questionnaire-windows.ts'
import type { Course, Partner } from '../schemas/catalogue.ts'

/** What the catalogue administration use cases read and write. */
export interface CatalogueAdminDeps {
  catalogue: CatalogueRepository
  catalogueWriter: CatalogueStore
}

/** Adds a partner organisation; `already-exists` when its id is taken. */
export async function addPartner(deps: CatalogueAdminDeps, partner: Partner): Promise<Partner> {
  if (!(await deps.catalogueWriter.putPartner(partner, 'ifAbsent'))) {
    throw new DomainError('already-exists', 'A partner with this id already exists.')
  }
  return partner
}

/** Writes the partner with id `id` as given; `partner-not-found` when there is none (adding is `addPartner`). */
export async function changePartner(
  deps: CatalogueAdminDeps,
  id: string,
  details: Partner,
): Promise<Partner> {
  const partners = await deps.catalogue.listPartners()
  if (!partners.some((p) => p.id === id)) throw new DomainError('partner-not-found')
  const partner = { ...details, id }
  await deps.catalogueWriter.putPartner(partner, 'replace')
  return partner
}

/**
 * Adds a course of a known partner; `already-exists` when its id is taken, and
 * `invalid-questionnaire-days` when its own questionnaire windows are out of bounds.
 */
export async function addCourse(deps: CatalogueAdminDeps, course: Course): Promise<Course> {
  assertQuestionnaireDays(course)
  await assertPartner(deps, course.partnerId)
  if (!(await deps.catalogueWriter.putCourse(course, 'ifAbsent'))) {
    throw new DomainError('already-exists', 'A course with this id already exists.')
  }
  return course
}

/**
 * Changes an existing course (its sessions keep their own titles); `course-not-found` otherwise,
 * and `invalid-questionnaire-days` when its own questionnaire windows are out of bounds.
 */
export async function changeCourse(deps: CatalogueAdminDeps, id: string, details: Course): Promise<Course> {
  assertQuestionnaireDays(details)
  if (!(await deps.catalogue.getCourse(id))) throw new DomainError('course-not-found')
  const course = { ...details, id }
  await assertPartner(deps, course.partnerId)
  await deps.catalogueWriter.putCourse(course, 'replace')
  return course
}

/** A partner must exist before a course names it. */
async function assertPartner(deps: CatalogueAdminDeps, partnerId: string): Promise<void> {
  const partners = await deps.catalogue.listPartners()
  if (!partners.some((p) => p.id === partnerId)) {
    throw new ValidationError([
      { field: 'partnerId', message: 'Choose a partner organisation from the list' },
    ])
  }
}

/** A course's own questionnaire windows must be within their bounds (answered 422, naming each). */
function assertQuestionnaireDays(course: Course): void {
  const fieldErrors = course.questionnaireDays ? questionnaireDaysErrors(course.questionnaireDays) : []
  if (fieldErrors.length > 0) {
    throw new DomainError('invalid-questionnaire-days', 'Check the questionnaire windows and try again.', {
      fieldErrors,
    })
  }
}
