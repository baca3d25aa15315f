import { configDefaults, defineConfig } from 'vitest/config'

const shared = {
  testTimeout: 30_000,
  hookTimeout: 60_000,
  pool: 'forks',
  env: { DDB_LOCAL_TELEMETRY: '0', AWS_REGION: 'eu-west-2' },
} as const

export default defineConfig({
  test: {
    // Two test files at a time. Vitest's default on a 2-core machine is one (cores - 1), but the
    // files spend much of their time waiting on DynamoDB Local, the browser and timers: with one at
    // a time the machine stayed half idle (load average about 1.5) and the run took over 15 minutes.
    maxWorkers: 2,
    // DynamoDB Local, the SES emulator and the staff issuer, for every test file of the run.
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        test: {
          ...shared,
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/site/**'],
        },
      },
      {
        // The site is built once, and only when a run includes its tests.
        test: {
          ...shared,
          name: 'site',
          include: ['test/site/**/*.test.ts'],
          globalSetup: ['test/support/site-build.ts'],
        },
      },
    ],
  },
})
