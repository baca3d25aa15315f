export * from './env.ts'
export * from './secrets.ts'
