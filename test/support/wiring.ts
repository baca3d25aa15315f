import type { CoreConfig, SenderConfig } from '@ey/runtime'
import type { TestTable } from './dynamo.ts'

/** The public site's origin in every test wiring. */
export const SITE_URL = 'https://training.example.org'

/** What every function reads, pointed at a test table; the functions' own settings come on top. */
export function testConfig(table: Pick<TestTable, 'tableName'>): CoreConfig {
  return {
    tableName: table.tableName,
    siteUrl: SITE_URL,
    manageTokenSecret: 'a-test-secret-that-is-long-enough-32',
  }
}

/** The sender of every test wiring that sends email. */
export const TEST_MAIL_FROM = 'Early years SEND training <bookings@training.example.org>'

/** The settings of a function that sends email (mail, jobs) over a test table. */
export function testSenderConfig(table: Pick<TestTable, 'tableName'>): CoreConfig & SenderConfig {
  return { ...testConfig(table), mailFrom: TEST_MAIL_FROM }
}
