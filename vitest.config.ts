import { configDefaults, defineConfig } from 'vitest/config'

const shared = {
  // Long enough for a busy machine: a test that hangs still fails, one that is only slow does not.
  testTimeout: 60_000,
  hookTimeout: 60_000,
  pool: 'forks',
  env: { DDB_LOCAL_TELEMETRY: '0', AWS_REGION: 'eu-west-2' },
} as const

export default defineConfig({
  test: {
    // DynamoDB Local, the SES emulator and the staff issuer, for every test file of the run.
    globalSetup: ['test/support/global-setup.ts'],
    projects: [
      {
        test: {
          ...shared,
          name: 'node',
          // Two files at a time, first. Vitest's default on a 2-core machine is one (cores - 1), but
          // these files spend much of their time waiting on DynamoDB Local and timers: one at a time
          // left the machine half idle (load average about 1.5) and the run took over 15 minutes.
          maxWorkers: 2,
          sequence: { groupOrder: 0 },
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/site/**'],
        },
      },
      {
        // The site is built once, and only when a run includes its tests.
        test: {
          ...shared,
          name: 'site',
          // One file at a time, after the others: each starts a whole stack and Chromium, which keep
          // both cores busy; two at once took twice as long each and gained nothing.
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
          include: ['test/site/**/*.test.ts'],
          globalSetup: ['test/support/site-build.ts'],
        },
      },
    ],
  },
})
