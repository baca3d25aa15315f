import { ProblemSchema } from '@ey/contract'
import { problems } from '../openapi.ts'

/** The security requirement every staff route declares, so the OpenAPI document shows it. */
export const STAFF_SECURITY = [{ staffBearer: [] }]

const STAFF_PROBLEMS: Record<number, string> = {
  401: 'No staff token, or one that is expired, not signed by the issuer, or for another app',
  403: 'The staff member lacks the role, or the session or LA is not theirs',
}

/** Problem responses of a staff route: 401 and 403 described for staff, others as usual. */
export function staffProblems(...statuses: number[]) {
  const staff = Object.fromEntries(
    [401, 403].map((status) => [
      status,
      {
        description: STAFF_PROBLEMS[status] ?? 'A problem',
        content: { 'application/problem+json': { schema: ProblemSchema } },
      },
    ]),
  )
  return { ...problems(...statuses.filter((status) => status !== 401 && status !== 403)), ...staff }
}
