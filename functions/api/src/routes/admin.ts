import type { OpenAPIHono } from '@hono/zod-openapi'
import type { ApiDeps } from '../api-deps.ts'
import { router } from '../validation.ts'
import { adminAuditRoutes } from './admin-audit.ts'
import { adminCatalogueRoutes } from './admin-catalogue.ts'
import { adminImportRoutes } from './admin-import.ts'
import { adminMailRoutes } from './admin-mail.ts'
import { adminNationalRoutes } from './admin-national.ts'
import { adminQuestionnaireRoutes } from './admin-questionnaires.ts'
import { adminSessionRoutes } from './admin-sessions.ts'
import { adminSettingsRoutes } from './admin-settings.ts'
import { adminStaffRoutes } from './admin-staff.ts'
import { adminSubjectAccessRoutes } from './admin-subject-access.ts'
import { registerAdminRoutes } from './register-admin.ts'

/**
 * Everything administrators do under `/api/admin`: registers to reopen, the CSV import of
 * sessions, partners and courses, questionnaire templates, sessions, the staff directory, the
 * mail, the audit log of LA downloads, subject access (export and erase one address), the
 * national picture, and the deployment's settings the forms show.
 */
export function adminRoutes(deps: ApiDeps): OpenAPIHono {
  return router()
    .route('/', registerAdminRoutes(deps))
    .route('/', adminImportRoutes(deps))
    .route('/', adminCatalogueRoutes(deps))
    .route('/', adminQuestionnaireRoutes(deps))
    .route('/', adminSessionRoutes(deps))
    .route('/staff', adminStaffRoutes(deps))
    .route('/mail', adminMailRoutes(deps))
    .route('/', adminAuditRoutes(deps))
    .route('/', adminSubjectAccessRoutes(deps))
    .route('/', adminNationalRoutes(deps))
    .route('/', adminSettingsRoutes(deps))
}
