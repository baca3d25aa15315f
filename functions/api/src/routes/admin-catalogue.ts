import {
  AdminCourseListSchema,
  CourseInputSchema,
  IdParamSchema,
  PartnerListSchema,
  PartnerSchema,
} from '@ey/contract'
import { addCourse, addPartner, changeCourse, changePartner } from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { body, json } from '../openapi.ts'
import { router } from '../validation.ts'

/** The administrators' partner and course routes under `/api/admin`. */
export function adminCatalogueRoutes(deps: ApiDeps): OpenAPIHono {
  const base = {
    tags: ['admin'],
    security: STAFF_SECURITY,
    middleware: [requireStaff(deps.staff, 'admin')],
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
      async (c) => c.json(await addPartner(deps, c.req.valid('json')), 201),
    )
    .openapi(
      createRoute({
        ...base,
        method: 'put',
        path: '/partners/{id}',
        summary: 'Change a partner organisation',
        request: { params: IdParamSchema, body: body(PartnerSchema) },
        responses: {
          200: json(PartnerSchema, 'The partner'),
          ...staffProblems(400, 401, 403, 404, 413, 415),
        },
      }),
      async (c) => c.json(await changePartner(deps, c.req.valid('param').id, c.req.valid('json')), 200),
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
      async (c) => c.json(await addCourse(deps, c.req.valid('json')), 201),
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
      async (c) => c.json(await changeCourse(deps, c.req.valid('param').id, c.req.valid('json')), 200),
    )
}
