// The monthly cost of the platform in London (eu-west-2), line by line: quantity × unit price.
// `pnpm cost` prints the tables the README's "Cost" section shows. Every unit price names its
// price-list line and where it was read (none was fetched live: the copies are public files on
// GitHub); every quantity is a count from the synthesized template, a figure measured on the local
// stack (`pnpm bench:cost-usage`), or an assumption stated with its line. A price that could not
// be found with a source is `undefined`, never guessed, and its line stays out of the totals.

/** Where a unit price was read: a public copy of a line of the AWS Price List offer file. */
export interface PriceSource {
  /** The offer file's service code (`…/offers/v1.0/aws/<code>/current/eu-west-2/index.json`). */
  offer: string
  usageType: string
  /** The copy it was read in (`SOURCES`). */
  readIn: keyof typeof SOURCES
}

export interface Price {
  /** US dollars per `unit`, or undefined when no copy with a source was found. */
  usd: number | undefined
  unit: string
  source?: PriceSource
}

/** The copies the prices were read from, each with the date it states. */
export const SOURCES = {
  A: "ImperialEdutechUK/sadeevtest, `docs/hosting-costs.md` (commit 3c102d7), section 8: London prices read from the offer files on 6 October 2026, each file's publication date given",
  B: 'jeswr/kernel-of-truth, `docs/next/design/glm52-shared-cache.md` (commit 1c0b872), section 2: the DynamoDB offer file for eu-west-2 published 8 June 2026, read 13 July 2026',
  C: 'mooncitizen/togen, `internal/resolve/aws/cost_test.go` (commit 22db116): a test fixture of price-list SKUs dated 5 September 2026 (a fixture, not a copy of the file; its other London lines agree with A)',
  D: 'a public GitHub document titled "Stage 6 cost authority" (id 71166919715 in the workplace\'s code index; its repository could not be named): the catalogue\'s CloudWatch dashboard products, global, at USD 3 per dashboard per month',
  E: 'a public GitHub test of a package `infra_cost_model` (id 68966968672 in the workplace\'s code index; repository not named): "the products that the live API returned on 2026-09-24" for CloudFront-scope WAF',
  F: 'AWS\'s Amazon DynamoDB Developer Guide, "Evaluate your DynamoDB streams usage" (its China-Region copy, https://docs.amazonaws.cn/en_us/amazondynamodb/latest/developerguide/CostOptimization_StreamsUsage.html): "Read requests made by Amazon Lambda-based consumers of DynamoDB Streams are free"; and the same guide\'s page "Best practices for understanding your AWS billing and usage reports in DynamoDB" (id 51904527765 in the workplace\'s code index; repository not named), which names the usage type REG-Streams-Requests (EUW2 for London) and says "You are not charged for GetRecords API calls invoked by AWS Lambda as part of DynamoDB triggers". Not a price-list line: a rule both pages state with no Region condition',
} as const

/** The unit prices, US dollars, London unless the line says global. */
export const PRICES = {
  lambdaRequest: {
    usd: 0.2 / 1e6,
    unit: 'request',
    source: { offer: 'AWSLambda (2026-10-01)', usageType: 'EUW2-Request', readIn: 'A' },
  },
  lambdaArmGbSecond: {
    usd: 0.0000133334,
    unit: 'arm64 GB-second',
    source: { offer: 'AWSLambda (2026-10-01)', usageType: 'EUW2-Lambda-GB-Second-ARM', readIn: 'A' },
  },
  httpApiRequest: {
    usd: 1.16 / 1e6,
    unit: 'request',
    source: { offer: 'AmazonApiGateway', usageType: 'EUW2-ApiGatewayHttpRequest', readIn: 'C' },
  },
  dynamoWrite: {
    usd: 0.7423 / 1e6,
    unit: 'write request unit',
    source: { offer: 'AmazonDynamoDB (2026-06-08)', usageType: 'EUW2-WriteRequestUnits', readIn: 'B' },
  },
  dynamoRead: {
    usd: 0.1487 / 1e6,
    unit: 'read request unit',
    source: { offer: 'AmazonDynamoDB (2026-06-08)', usageType: 'EUW2-ReadRequestUnits', readIn: 'B' },
  },
  dynamoStorage: {
    usd: 0.29715,
    unit: 'GB-month',
    source: { offer: 'AmazonDynamoDB (2026-06-08)', usageType: 'EUW2-TimedStorage-ByteHrs', readIn: 'B' },
  },
  dynamoPitr: { usd: undefined, unit: 'GB-month (EUW2-TimedPITRStorage-ByteHrs)' },
  /** Both stream consumers (mail, stats) are Lambda event source mappings, whose reads are not charged. */
  dynamoStreamReads: {
    usd: 0,
    unit: 'stream read request by a Lambda trigger',
    source: { offer: 'AmazonDynamoDB, any Region', usageType: 'EUW2-Streams-Requests', readIn: 'F' },
  },
  sesRecipient: {
    usd: 0.0001,
    unit: 'recipient',
    source: { offer: 'AmazonSES (2026-09-11)', usageType: 'EUW2-Recipients', readIn: 'A' },
  },
  cloudfrontGbOut: {
    usd: 0.085,
    unit: 'GB to viewers, Europe',
    source: {
      offer: 'AmazonCloudFront, global (2026-10-03)',
      usageType: 'EU-DataTransfer-Out-Bytes',
      readIn: 'A',
    },
  },
  cloudfrontHttps: {
    usd: 0.012 / 10_000,
    unit: 'HTTPS request, Europe',
    source: {
      offer: 'AmazonCloudFront, global (2026-10-03)',
      usageType: 'EU-Requests-Tier2-HTTPS',
      readIn: 'A',
    },
  },
  cloudfrontFunction: {
    usd: 0.1 / 1e6,
    unit: 'function execution',
    source: {
      offer: 'AmazonCloudFront, global (2026-10-03)',
      usageType: 'Executions-CloudFrontFunctions',
      readIn: 'A',
    },
  },
  s3Storage: {
    usd: 0.024,
    unit: 'GB-month, Standard',
    source: { offer: 'AmazonS3 (2026-09-28)', usageType: 'EUW2-TimedStorage-ByteHrs', readIn: 'A' },
  },
  s3Put: {
    usd: 0.0053 / 1000,
    unit: 'PUT, COPY, POST or LIST',
    source: { offer: 'AmazonS3 (2026-09-28)', usageType: 'EUW2-Requests-Tier1', readIn: 'A' },
  },
  s3Get: {
    usd: 0.0042 / 10_000,
    unit: 'GET',
    source: { offer: 'AmazonS3 (2026-09-28)', usageType: 'EUW2-Requests-Tier2', readIn: 'A' },
  },
  schedulerInvocation: {
    usd: 1.15 / 1e6,
    unit: 'invocation',
    source: { offer: 'AWSEvents (2026-09-24)', usageType: 'EUW2-ScheduledInvocation', readIn: 'A' },
  },
  kmsKey: {
    usd: 1,
    unit: 'customer-managed key version-month',
    source: { offer: 'awskms (2026-09-11)', usageType: 'eu-west-2-KMS-Keys', readIn: 'A' },
  },
  kmsRequest: {
    usd: 0.03 / 10_000,
    unit: 'request',
    source: { offer: 'awskms (2026-09-11)', usageType: 'eu-west-2-KMS-Requests', readIn: 'A' },
  },
  secret: {
    usd: 0.4,
    unit: 'secret-month',
    source: {
      offer: 'AWSSecretsManager (2026-09-11)',
      usageType: 'EUW2-AWSSecretsManager-Secrets',
      readIn: 'A',
    },
  },
  secretRequest: {
    usd: 0.05 / 10_000,
    unit: 'API request',
    source: {
      offer: 'AWSSecretsManager (2026-09-11)',
      usageType: 'EUW2-AWSSecretsManagerAPIRequest',
      readIn: 'A',
    },
  },
  alarm: {
    usd: 0.1,
    unit: 'standard alarm-month',
    source: {
      offer: 'AmazonCloudWatch (2026-09-22)',
      usageType: 'EUW2-CW:AlarmMonitorUsage',
      readIn: 'A',
    },
  },
  metric: {
    usd: 0.3,
    unit: 'metric-month',
    source: {
      offer: 'AmazonCloudWatch (2026-09-22)',
      usageType: 'EUW2-CW:MetricMonitorUsage',
      readIn: 'A',
    },
  },
  logIngest: {
    usd: 0.5985,
    unit: 'GB ingested, Standard class',
    source: {
      offer: 'AmazonCloudWatch (2026-09-22)',
      usageType: 'EUW2-DataProcessing-Bytes',
      readIn: 'A',
    },
  },
  logStorage: {
    usd: 0.0315,
    unit: 'GB-month stored',
    source: {
      offer: 'AmazonCloudWatch (2026-09-22)',
      usageType: 'EUW2-TimedStorage-ByteHrs',
      readIn: 'A',
    },
  },
  dashboard: {
    usd: 3,
    unit: 'dashboard-month',
    source: {
      offer: 'AmazonCloudWatch, global',
      usageType: 'DashboardsUsageHour-Basic',
      readIn: 'D',
    },
  },
  cognitoPlusMau: { usd: undefined, unit: 'monthly active user, Plus tier (EUW2-CognitoPlusMAU)' },
  snsPublish: { usd: undefined, unit: 'SNS publish (bounces, complaints, alarms)' },
  wafWebAcl: {
    usd: 5,
    unit: 'web ACL-month',
    source: {
      offer: 'awswaf, global',
      usageType: 'Global-WebACLV2',
      readIn: 'E',
    },
  },
  wafRule: {
    usd: 1,
    unit: 'rule-month',
    source: {
      offer: 'awswaf, global',
      usageType: 'Global-RuleV2',
      readIn: 'E',
    },
  },
  wafRequest: {
    usd: 0.6 / 1e6,
    unit: 'request',
    source: {
      offer: 'awswaf, global',
      usageType: 'Global-RequestV2-Tier1',
      readIn: 'E',
    },
  },
} satisfies Record<string, Price>

/** US dollars per pound: HMRC's monthly rate for October 2026, the latest month found. */
export const USD_PER_GBP = 1.3456
export const RATE_SOURCE =
  "HMRC's monthly exchange rate for October 2026 (USD 1.3456 to £1), as copied in matchilling/hmrc-exchange-rates `rate/2026/10.json` (commit 29f76c8)"

/** The programme's yearly figures: issue 11's scale, or ten times it. */
export interface Scale {
  name: string
  practitioners: number
  sessions: number
  emails: number
  /** Staff who sign in during a month (trainers, LA officers, administrators): an assumption. */
  staffMau: number
}

export const SCALES: Scale[] = [
  { name: 'programme', practitioners: 5_000, sessions: 400, emails: 20_000, staffMau: 175 },
  { name: 'ten times', practitioners: 50_000, sessions: 4_000, emails: 200_000, staffMau: 510 },
]

const DAYS_PER_MONTH = 365 / 12
const FIVE_MINUTE_RUNS = DAYS_PER_MONTH * 24 * 12

/**
 * Figures measured with `pnpm bench:cost-usage` (20 bookings of one session on the local stack;
 * DynamoDB Local's consumed capacity, a proxy for DynamoDB's), and those of the synthesized template.
 */
export const MEASURED = {
  /** Write and read units of a booking, its confirmation email, its take-up and its place look. */
  bookingWrite: 37.9,
  bookingRead: 5.9,
  /**
   * The jobs' runs over a booking's life (pre invitation with its place look, reminders, pre
   * reminder) and their emails.
   */
  lifeWrite: 56.5,
  lifeRead: 19.9,
  /**
   * The invitations job's own look at one session (just published, no bookings): it reads the
   * session and moves the look on to the next time one can fall due.
   */
  lookWrite: 3.0,
  lookRead: 1.6,
  /** What a look reads per booking of the session: (21.5 − 11 × 1.6) / 20, eleven sessions looked at when post opens. */
  lookReadPerBooking: 0.195,
  /** Emails sent per booking through those steps: 102 emails for 20 bookings. */
  emailsPerBooking: 102 / 20,
  /** Read units of GET /api/sessions, GET /api/sessions/{id}, GET /api/bookings/{id}. */
  listingRead: 1.0,
  sessionRead: 1.5,
  manageRead: 2.0,
  /** From `cdk.out/EarlyYearsSendTraining.template.json` (see the README for the jq). */
  alarms: 18,
  dashboards: 1,
  kmsKeys: 1,
  secrets: 1,
  customMetrics: 1,
  fiveMinuteSchedules: 4,
  dailySchedules: 2,
  /** `du -sb site/dist`: the built site, bytes. */
  siteBytes: 866_807,
}

/** The usage assumptions, each stated in the README beside its line. */
export const ASSUMED = {
  bookingsPerPractitioner: 1,
  attendance: 0.8,
  /** The post invitation and the follow-up of each attended booking (a trainer's digest per session is added). */
  laterEmailsPerAttended: 2,
  /** Register marks, questionnaire answers, post and follow-up invitations: not measured. */
  unmeasuredWritePerBooking: 40,
  unmeasuredReadPerBooking: 15,
  /** Public API calls per booking: 3 session lists, 3 session pages, the booking, 2 manage pages, 4 questionnaire calls, the certificate. */
  apiCallsPerBooking: 14,
  /** API calls per staff member signed in during a month. */
  staffApiCallsPerMau: 60,
  staffReadPerCall: 5,
  /** CloudFront requests per booking (pages, files, API), and per staff API call. */
  cdnRequestsPerBooking: 60,
  cdnRequestsPerStaffCall: 3,
  /** Average bytes a CloudFront request sends (compressed pages and files, JSON). */
  bytesPerCdnRequest: 20_000,
  /** Billed milliseconds at the function's memory. */
  apiMs: 120,
  mailMs: 300,
  statsMs: 200,
  /** Most runs of the invitations job find nothing due, as the other jobs' do. */
  invitationsJobMs: 200,
  otherJobMs: 200,
  /** Stream records of bookings the stats function handles per booking (made, confirmed, marked). */
  statsInvocationsPerBooking: 3,
  logKbPerInvocation: 1.5,
  logKbPerApiAccess: 0.5,
  logRetentionMonths: 3,
  /** Items a booking leaves (booking, outbox, take-up, invitations…), kept two years. */
  kbStoredPerBooking: 10,
  materialsGbPerSession: 0.005,
  materialDownloadsPerAttended: 1,
  cdnOriginGets: 10_000,
  deployPuts: 400,
  coldStarts: 3_000,
  kmsRequests: 20_000,
  wafRules: 4,
}

/** The monthly usage of one scale, every figure derived from the scale, the measures and the assumptions. */
export function usageOf(scale: Scale) {
  const m = MEASURED
  const a = ASSUMED
  const bookings = (scale.practitioners * a.bookingsPerPractitioner) / 12
  const sessions = scale.sessions / 12
  const attended = bookings * a.attendance
  const bookingsPerSession = (scale.practitioners * a.bookingsPerPractitioner) / scale.sessions
  // The invitations job's looks: each session's own (once published, at its pre reminder, at the
  // end and hourly while post is open, then daily while follow-up is), each reading all of its
  // bookings, and one place look per booking, reading the bookings made before it (half, on average).
  const ownLooks = sessions * (2 + 14 * 24 + 28)
  const placeLooks = bookings
  const looks = ownLooks + placeLooks
  const emails = bookings * m.emailsPerBooking + attended * a.laterEmailsPerAttended + sessions
  const staffCalls = scale.staffMau * a.staffApiCallsPerMau
  const apiCalls = bookings * a.apiCallsPerBooking + staffCalls
  const cdnRequests = bookings * a.cdnRequestsPerBooking + staffCalls * a.cdnRequestsPerStaffCall
  const jobRuns = m.fiveMinuteSchedules * FIVE_MINUTE_RUNS + m.dailySchedules * DAYS_PER_MONTH
  const invitationRuns = FIVE_MINUTE_RUNS
  const statsInvocations = bookings * a.statsInvocationsPerBooking
  const invocations = apiCalls + emails + statsInvocations + jobRuns
  const gbSeconds =
    (apiCalls * a.apiMs + emails * a.mailMs) / 1000 +
    (statsInvocations * a.statsMs * 0.5) / 1000 +
    (invitationRuns * a.invitationsJobMs + (jobRuns - invitationRuns) * a.otherJobMs) / 1000
  const writeUnits =
    bookings * (m.bookingWrite + m.lifeWrite + a.unmeasuredWritePerBooking) + ownLooks * m.lookWrite
  const readUnits =
    bookings * (m.bookingRead + m.lifeRead + a.unmeasuredReadPerBooking) +
    bookings * (3 * m.listingRead + 3 * m.sessionRead + 2 * m.manageRead) +
    looks * m.lookRead +
    (ownLooks + placeLooks / 2) * bookingsPerSession * m.lookReadPerBooking +
    staffCalls * a.staffReadPerCall
  const logGb = (invocations * a.logKbPerInvocation + apiCalls * a.logKbPerApiAccess) / 1e6
  return {
    bookings,
    sessions,
    bookingsPerSession,
    ownLooks,
    placeLooks,
    looks,
    emails,
    apiCalls,
    cdnRequests,
    cdnGb: (cdnRequests * a.bytesPerCdnRequest) / 1e9,
    cdnFunctions: cdnRequests * 2,
    jobRuns,
    invocations,
    gbSeconds,
    writeUnits,
    readUnits,
    tableGb: (scale.practitioners * a.bookingsPerPractitioner * 2 * a.kbStoredPerBooking) / 1e6,
    s3Gb: m.siteBytes / 1e9 + scale.sessions * 2 * a.materialsGbPerSession,
    s3Gets: attended * a.materialDownloadsPerAttended + a.cdnOriginGets,
    logGb,
    logStoredGb: logGb * a.logRetentionMonths,
    staffMau: scale.staffMau,
  }
}

export type Usage = ReturnType<typeof usageOf>

/** One line of the bill: a quantity of a priced unit, less an always-free allowance. */
export interface Line {
  service: string
  item: string
  quantity: number
  /** The always-free allowance of the unit (the same every month, for every account). */
  free: number
  price: Price
  /** Optional lines (WAF) stay out of the platform's total. */
  optional?: boolean
}

export function linesOf(u: Usage): Line[] {
  const m = MEASURED
  const a = ASSUMED
  const p = PRICES
  return [
    {
      service: 'CloudWatch',
      item: 'alarms (18 in the template)',
      quantity: m.alarms,
      free: 10,
      price: p.alarm,
    },
    { service: 'CloudWatch', item: 'dashboard', quantity: m.dashboards, free: 0, price: p.dashboard },
    {
      service: 'CloudWatch',
      item: 'custom metric ParkedEmails',
      quantity: m.customMetrics,
      free: 10,
      price: p.metric,
    },
    { service: 'CloudWatch', item: 'logs ingested, GB', quantity: u.logGb, free: 5, price: p.logIngest },
    {
      service: 'CloudWatch',
      item: 'logs stored, GB-month',
      quantity: u.logStoredGb,
      free: 0,
      price: p.logStorage,
    },
    {
      service: 'KMS',
      item: 'customer-managed key (both topics)',
      quantity: m.kmsKeys,
      free: 0,
      price: p.kmsKey,
    },
    { service: 'KMS', item: 'requests', quantity: a.kmsRequests, free: 20_000, price: p.kmsRequest },
    {
      service: 'Secrets Manager',
      item: 'manage-token secret',
      quantity: m.secrets,
      free: 0,
      price: p.secret,
    },
    {
      service: 'Secrets Manager',
      item: 'reads at cold start',
      quantity: a.coldStarts,
      free: 0,
      price: p.secretRequest,
    },
    {
      service: 'DynamoDB',
      item: 'write request units',
      quantity: u.writeUnits,
      free: 0,
      price: p.dynamoWrite,
    },
    { service: 'DynamoDB', item: 'read request units', quantity: u.readUnits, free: 0, price: p.dynamoRead },
    { service: 'DynamoDB', item: 'storage, GB-month', quantity: u.tableGb, free: 25, price: p.dynamoStorage },
    {
      service: 'DynamoDB',
      item: 'point-in-time recovery, GB-month',
      quantity: u.tableGb,
      free: 0,
      price: p.dynamoPitr,
    },
    {
      service: 'DynamoDB',
      item: 'stream reads by the two functions',
      quantity: u.invocations,
      free: 0,
      price: p.dynamoStreamReads,
    },
    {
      service: 'SES',
      item: 'emails (one recipient each)',
      quantity: u.emails,
      free: 0,
      price: p.sesRecipient,
    },
    {
      service: 'SNS',
      item: 'bounce, complaint and alarm notifications',
      quantity: u.emails * 0.02,
      free: 0,
      price: p.snsPublish,
    },
    {
      service: 'Lambda',
      item: 'requests (6 functions)',
      quantity: u.invocations,
      free: 1_000_000,
      price: p.lambdaRequest,
    },
    {
      service: 'Lambda',
      item: 'GB-seconds (arm64)',
      quantity: u.gbSeconds,
      free: 400_000,
      price: p.lambdaArmGbSecond,
    },
    {
      service: 'API Gateway',
      item: 'HTTP API requests',
      quantity: u.apiCalls,
      free: 0,
      price: p.httpApiRequest,
    },
    {
      service: 'CloudFront',
      item: 'HTTPS requests',
      quantity: u.cdnRequests,
      free: 10_000_000,
      price: p.cloudfrontHttps,
    },
    {
      service: 'CloudFront',
      item: 'data to viewers, GB',
      quantity: u.cdnGb,
      free: 1_000,
      price: p.cloudfrontGbOut,
    },
    {
      service: 'CloudFront',
      item: 'function executions',
      quantity: u.cdnFunctions,
      free: 2_000_000,
      price: p.cloudfrontFunction,
    },
    {
      service: 'S3',
      item: 'storage (site, materials), GB-month',
      quantity: u.s3Gb,
      free: 0,
      price: p.s3Storage,
    },
    {
      service: 'S3',
      item: 'PUT requests (deploys, uploads)',
      quantity: a.deployPuts,
      free: 0,
      price: p.s3Put,
    },
    { service: 'S3', item: 'GET requests', quantity: u.s3Gets, free: 0, price: p.s3Get },
    {
      service: 'EventBridge Scheduler',
      item: 'invocations (4 every 5 min, 2 daily)',
      quantity: u.jobRuns,
      free: 14_000_000,
      price: p.schedulerInvocation,
    },
    {
      service: 'Cognito',
      item: 'staff MAU, Plus tier',
      quantity: u.staffMau,
      free: 0,
      price: p.cognitoPlusMau,
    },
    { service: 'WAF (optional)', item: 'web ACL', quantity: 1, free: 0, price: p.wafWebAcl, optional: true },
    {
      service: 'WAF (optional)',
      item: 'rules',
      quantity: a.wafRules,
      free: 0,
      price: p.wafRule,
      optional: true,
    },
    {
      service: 'WAF (optional)',
      item: 'requests',
      quantity: u.cdnRequests,
      free: 0,
      price: p.wafRequest,
      optional: true,
    },
  ]
}

/** A line's monthly dollars, with the always-free allowance and without; undefined when unpriced. */
export function dollars(line: Line): { withFree: number; withoutFree: number } | undefined {
  if (line.price.usd === undefined) return undefined
  return {
    withFree: Math.max(0, line.quantity - line.free) * line.price.usd,
    withoutFree: line.quantity * line.price.usd,
  }
}

export interface Totals {
  withFree: number
  withoutFree: number
  optional: number
  unpriced: string[]
}

export function totalsOf(lines: Line[]): Totals {
  const totals: Totals = { withFree: 0, withoutFree: 0, optional: 0, unpriced: [] }
  for (const line of lines) {
    const cost = dollars(line)
    if (!cost) totals.unpriced.push(`${line.service}: ${line.item}`)
    else if (line.optional) totals.optional += cost.withFree
    else {
      totals.withFree += cost.withFree
      totals.withoutFree += cost.withoutFree
    }
  }
  return totals
}

export const toPounds = (usd: number) => usd / USD_PER_GBP
