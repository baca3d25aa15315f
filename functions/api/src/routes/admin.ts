import type { OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { router } from '../validation.ts'
import { adminCatalogueRoutes } from './admin-catalogue.ts'
import { adminImportRoutes } from './admin-import.ts'
import { adminSessionRoutes } from './admin-sessions.ts'

/** Everything administrators schedule under `/api/admin`: partners, courses, sessions and the CSV import. */
export function adminRoutes(deps: ApiDeps): OpenAPIHono {
  return router()
    .route('/', adminImportRoutes(deps))
    .route('/', adminCatalogueRoutes(deps))
    .route('/', adminSessionRoutes(deps))
}
