import 'vitest'

declare module 'vitest' {
  /** Values the global setup hands every test file through `inject()`. */
  export interface ProvidedContext {
    /** DynamoDB Local, in memory, shared by the whole run: each test makes its own table. */
    dynamoEndpoint: string
    /** The SES emulator shared by the whole run: tests read mail sent to their own addresses. */
    sesEndpoint: string
  }
}
