export * from './require-staff.ts'
export * from './staff-route.ts'
export * from './staff-verifier.ts'
