export * from './env.ts'
export * from './secrets.ts'
export * from './system.ts'
