export * from './disposition.ts'
export * from './local-file-server.ts'
export * from './local-files.ts'
export * from './signed-links.ts'
