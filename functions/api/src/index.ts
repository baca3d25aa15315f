export type { ApiDeps, ApiLogger, StaffSignIn } from './api-deps.ts'
export { createApp, MAX_BODY_BYTES } from './app.ts'
export { isHandedOver } from './app-parts.ts'
export * from './auth/index.ts'
export * from './auth/index.ts'
export { clientAddress, VIEWER_ADDRESS_HEADER } from './client-address.ts'
export {
  type ApiClients,
  type ApiConfig,
  apiClients,
  apiConfigFromEnv,
  type WiredApi,
  wireApi,
} from './deps.ts'
export { createLambdaApp } from './lambda-app.ts'
export { PROBLEM_BASE, type Problem, type ProblemCode, STATUS_OF } from './problem.ts'
export { staffRedirectUri } from './routes/staff.ts'
