import {
  AdminCourseListSchema,
  CourseInputSchema,
  IdParamSchema,
  PartnerListSchema,
  PartnerSchema,
} from '@ey/contract'
import { DomainError, ValidationError } from '@ey/domain'
import { createRoute, type OpenAPIHono, type z } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { router } from '../validation.ts'

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
})
const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
})

/** The administrators' partner and course routes under `/api/admin`. */
export function adminCatalogueRoutes(deps: ApiDeps): OpenAPIHono {
  const base = {
    tags: ['admin'],
    security: STAFF_SECURITY,
    middleware: [requireStaff(deps.staff, 'admin')],
  }

  /** A partner must exist before a course names it. */
  async function assertPartner(partnerId: string) {
    const partners = await deps.catalogue.listPartners()
    if (!partners.some((p) => p.id === partnerId)) {
      throw new ValidationError([
        { field: 'partnerId', message: 'Choose a partner organisation from the list' },
      ])
    }
  }

  return router()
    .openapi(
      createRoute({
        ...base,
        method: 'get',
        path: '/partners',
        summary: 'Every partner organisation',
        responses: { 200: json(PartnerListSchema, 'Partners by name'), ...staffProblems(401, 403) },
      }),
      async (c) => c.json({ items: await deps.catalogue.listPartners() }, 200),
    )
    .openapi(
      createRoute({
        ...base,
        method: 'post',
        path: '/partners',
        summary: 'Add a partner organisation',
        request: { body: body(PartnerSchema) },
        responses: {
          201: json(PartnerSchema, 'The partner'),
          ...staffProblems(400, 401, 403, 409, 413, 415),
        },
      }),
      async (c) => {
        const partner = c.req.valid('json')
        if (!(await deps.catalogueWriter.putPartner(partner, 'ifAbsent'))) {
          throw new DomainError('already-exists', 'A partner with this id already exists.')
        }
        return c.json(partner, 201)
      },
    )
    .openapi(
      createRoute({
        ...base,
        method: 'put',
        path: '/partners/{id}',
        summary: 'Change a partner organisation',
        request: { params: IdParamSchema, body: body(PartnerSchema) },
        responses: { 200: json(PartnerSchema, 'The partner'), ...staffProblems(400, 401, 403, 413, 415) },
      }),
      async (c) => {
        const partner = { ...c.req.valid('json'), id: c.req.valid('param').id }
        await deps.catalogueWriter.putPartner(partner, 'replace')
        return c.json(partner, 200)
      },
    )
    .openapi(
      createRoute({
        ...base,
        method: 'get',
        path: '/courses',
        summary: 'Every course',
        responses: { 200: json(AdminCourseListSchema, 'Courses by title'), ...staffProblems(401, 403) },
      }),
      async (c) => c.json({ items: await deps.catalogue.listCourses() }, 200),
    )
    .openapi(
      createRoute({
        ...base,
        method: 'post',
        path: '/courses',
        summary: 'Add a course',
        request: { body: body(CourseInputSchema) },
        responses: {
          201: json(CourseInputSchema, 'The course'),
          ...staffProblems(400, 401, 403, 409, 413, 415),
        },
      }),
      async (c) => {
        const course = c.req.valid('json')
        await assertPartner(course.partnerId)
        if (!(await deps.catalogueWriter.putCourse(course, 'ifAbsent'))) {
          throw new DomainError('already-exists', 'A course with this id already exists.')
        }
        return c.json(course, 201)
      },
    )
    .openapi(
      createRoute({
        ...base,
        method: 'put',
        path: '/courses/{id}',
        summary: 'Change a course (its sessions keep their own titles)',
        request: { params: IdParamSchema, body: body(CourseInputSchema) },
        responses: {
          200: json(CourseInputSchema, 'The course'),
          ...staffProblems(400, 401, 403, 404, 413, 415),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        if (!(await deps.catalogue.getCourse(id))) throw new DomainError('course-not-found')
        const course = { ...c.req.valid('json'), id }
        await assertPartner(course.partnerId)
        await deps.catalogueWriter.putCourse(course, 'replace')
        return c.json(course, 200)
      },
    )
}
