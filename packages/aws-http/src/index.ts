export * from './command.ts'
export * from './service.ts'
export * from './sign.ts'
