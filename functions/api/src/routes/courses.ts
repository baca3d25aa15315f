import { CourseListSchema, CourseViewSchema, IdParamSchema } from '@ey/contract'
import { DomainError } from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type { FirstStepDeps } from '../api-deps.ts'
import { problems } from '../openapi.ts'
import { courseView } from '../present.ts'
import { router } from '../validation.ts'
import { courseAlertRoutes } from './course-alerts.ts'

/**
 * `GET /api/courses` and `GET /api/courses/{id}`: the catalogue, each course with its partner; and
 * `POST /api/courses/{id}/alerts`, asking to hear of a new date.
 */
export function courseRoutes(deps: FirstStepDeps): OpenAPIHono {
  const partnersById = async () => new Map((await deps.catalogue.listPartners()).map((p) => [p.id, p]))

  return router()
    .route('/', courseAlertRoutes(deps))
    .openapi(
      createRoute({
        method: 'get',
        path: '/',
        tags: ['catalogue'],
        summary: 'All courses',
        responses: {
          200: { description: 'Every course', content: { 'application/json': { schema: CourseListSchema } } },
        },
      }),
      async (c) => {
        const [courses, partners] = await Promise.all([deps.catalogue.listCourses(), partnersById()])
        return c.json({ items: courses.map((course) => courseView(course, partners)) }, 200)
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/{id}',
        tags: ['catalogue'],
        summary: 'One course',
        request: { params: IdParamSchema },
        responses: {
          200: { description: 'The course', content: { 'application/json': { schema: CourseViewSchema } } },
          ...problems(400, 404),
        },
      }),
      async (c) => {
        const { id } = c.req.valid('param')
        const [course, partners] = await Promise.all([deps.catalogue.getCourse(id), partnersById()])
        if (!course) throw new DomainError('course-not-found')
        return c.json(courseView(course, partners), 200)
      },
    )
}
