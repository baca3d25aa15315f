import 'vitest'

declare module 'vitest' {
  /** Values the global setup hands every test file through `inject()`. */
  export interface ProvidedContext {
    /** DynamoDB Local, in memory, shared by the whole run: each test makes its own table. */
    dynamoEndpoint: string
    /** The SES emulator shared by the whole run: tests read mail sent to their own addresses. */
    sesEndpoint: string
    /** The local staff issuer shared by the run, and its private key, for minting test tokens. */
    staffIssuer: {
      issuer: string
      audience: string
      jwksUrl: string
      signingKey: import('jose').JWK & { kid: string; alg: string }
    }
    /** The site built once for the run's site tests (`test/support/site-build.ts`). */
    siteDir: string
    /**
     * The folder of a local stack's data the demo programme is seeded into once per run, by the
     * first to ask (`seededData` in `test/support/seeded-data.ts`); stacks start on copies of it.
     */
    seededDataDir: string
  }
}
