export * from './create-table.ts'
export * from './keys.ts'
export * from './table.ts'
