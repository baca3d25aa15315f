import {
  IdParamSchema,
  MaterialListSchema,
  MaterialParamSchema,
  MaterialUploadConfirmationSchema,
  MaterialUploadRequestSchema,
  MaterialUploadTicketSchema,
  MaterialViewSchema,
  NewLinkMaterialSchema,
} from '@ey/contract'
import {
  addLinkMaterial,
  confirmMaterialUpload,
  listMaterials,
  type MaterialDeps,
  type MaterialOwner,
  removeMaterial,
  requestMaterialUpload,
  type StaffRole,
} from '@ey/domain'
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi'
import type * as z from 'zod'
import type { ApiDeps } from '../api-deps.ts'
import { requireStaff, staffOf } from '../auth/require-staff.ts'
import { STAFF_SECURITY, staffProblems } from '../auth/staff-route.ts'
import { router } from '../validation.ts'

const NO_STORE = { 'Cache-Control': 'private, no-store' }

const json = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
})
const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
})

/** The materials routes of one kind of owner, under `/{path}/{id}/materials`. */
function ownerMaterialRoutes(
  deps: ApiDeps,
  kind: MaterialOwner['kind'],
  path: 'sessions' | 'courses',
  role: StaffRole,
): OpenAPIHono {
  const app = router()
  const gate = requireStaff(deps.staff, role)
  const materialDeps: MaterialDeps = deps
  const base = `/${path}/{id}/materials`
  const tags = [role === 'admin' ? 'admin' : 'trainer']
  const owner = (id: string): MaterialOwner => ({ kind, id })

  app.openapi(
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: `The ${kind}'s materials, each with a short-lived link`,
      security: STAFF_SECURITY,
      middleware: gate,
      request: { params: IdParamSchema },
      responses: { 200: json('The materials', MaterialListSchema), ...staffProblems(400, 401, 403, 404) },
    }),
    async (c) => {
      const items = await listMaterials(materialDeps, staffOf(c), owner(c.req.valid('param').id))
      return c.json({ items }, 200, NO_STORE)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/links`,
      tags,
      summary: 'Add a link (https only)',
      security: STAFF_SECURITY,
      middleware: gate,
      request: { params: IdParamSchema, body: body(NewLinkMaterialSchema) },
      responses: { 201: json('The link added', MaterialViewSchema), ...staffProblems(400, 401, 403, 404) },
    }),
    async (c) => {
      const added = await addLinkMaterial(
        materialDeps,
        staffOf(c),
        owner(c.req.valid('param').id),
        c.req.valid('json'),
      )
      return c.json(added, 201, NO_STORE)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/uploads`,
      tags,
      summary:
        'Ask where to upload a file: a signed link taking one PUT (422 naming the field for a type or size not allowed)',
      security: STAFF_SECURITY,
      middleware: gate,
      request: { params: IdParamSchema, body: body(MaterialUploadRequestSchema) },
      responses: {
        200: json('Where to upload the file', MaterialUploadTicketSchema),
        ...staffProblems(400, 401, 403, 404, 422),
      },
    }),
    async (c) => {
      const ticket = await requestMaterialUpload(
        materialDeps,
        staffOf(c),
        owner(c.req.valid('param').id),
        c.req.valid('json'),
      )
      return c.json({ ...ticket, expiresAt: ticket.expiresAt.toISOString() }, 200, NO_STORE)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/files`,
      tags,
      summary: 'Confirm an upload: the file becomes a material (409 when it has not arrived)',
      security: STAFF_SECURITY,
      middleware: gate,
      request: { params: IdParamSchema, body: body(MaterialUploadConfirmationSchema) },
      responses: {
        201: json('The file added', MaterialViewSchema),
        ...staffProblems(400, 401, 403, 404, 409, 422),
      },
    }),
    async (c) => {
      const added = await confirmMaterialUpload(
        materialDeps,
        staffOf(c),
        owner(c.req.valid('param').id),
        c.req.valid('json'),
      )
      return c.json(added, 201, NO_STORE)
    },
  )

  return app.openapi(
    createRoute({
      method: 'delete',
      path: `${base}/{materialId}`,
      tags,
      summary: 'Remove a material (and its file)',
      security: STAFF_SECURITY,
      middleware: gate,
      request: { params: MaterialParamSchema },
      responses: { 204: { description: 'Removed' }, ...staffProblems(400, 401, 403, 404) },
    }),
    async (c) => {
      const { id, materialId } = c.req.valid('param')
      await removeMaterial(materialDeps, staffOf(c), owner(id), materialId)
      return c.body(null, 204)
    },
  )
}

/** `/api/trainer/sessions/{id}/materials…`: the session's trainers and administrators. */
export function sessionMaterialRoutes(deps: ApiDeps): OpenAPIHono {
  return ownerMaterialRoutes(deps, 'session', 'sessions', 'trainer')
}

/** `/api/admin/courses/{id}/materials…`: course-wide materials, administrators only. */
export function courseMaterialRoutes(deps: ApiDeps): OpenAPIHono {
  return ownerMaterialRoutes(deps, 'course', 'courses', 'admin')
}
