export * from './claims.ts'
export * from './demo-staff.ts'
export * from './issuer.ts'
export * from './sign-in.ts'
