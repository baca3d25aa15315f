/**
 * The Lambda entry (`FUNCTION_ENTRIES` in `infra/lib/bundling.ts`): the handler alone. A bundle
 * keeps every export of its entry, and `index.ts` also exports what the local stack and tests
 * import (the bounce handler's wiring, the SES notifications' parsing); through this file the
 * bundle holds only what the handler reaches.
 */
export { handler } from './index.ts'
