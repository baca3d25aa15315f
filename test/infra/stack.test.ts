import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_REMINDER_LEADS_MINUTES, DEFAULT_RETENTION_MONTHS } from '@ey/domain'
import { TABLE } from '@ey/dynamodb'
import { ALARM_THRESHOLDS, BOOKING_KEY, createApp, METRIC_NAMESPACE, OUTBOX_PREFIX } from '@ey/infra'
import { JOB_SCHEDULES } from '@ey/jobs-function'
import { STREAM_RETRY_ATTEMPTS } from '@ey/local-stack'
import { PARKED_EMAIL_LOG } from '@ey/mail'
import type { App } from 'aws-cdk-lib'
import { Match, Template } from 'aws-cdk-lib/assertions'
import type { CfnFunction } from 'aws-cdk-lib/aws-lambda'
import { AwsSolutionsChecks } from 'cdk-nag'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// The context `cdk synth` reads, so the tests synthesize the very app the CLI would.
const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as {
  context: Record<string, unknown>
}

let outdir: string
let siteDir: string
let app: App
let template: Template

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'cdk.out'))
  // A stand-in for the built site (its home and not-found pages), which test/infra/site.test.ts looks at.
  siteDir = mkdtempSync(join(tmpdir(), 'ey-site-'))
  writeFileSync(join(siteDir, 'index.html'), '<!doctype html><title>Site</title>')
  writeFileSync(join(siteDir, '404.html'), '<!doctype html><title>Not found</title>')
  const created = createApp({ outdir, context: { ...cdkJson.context, siteDir } })
  app = created.app
  // Synthesizes (bundling both functions with esbuild) and runs the cdk-nag plugin, which throws
  // on any finding that was not acknowledged.
  template = Template.fromStack(created.stack)
}, 120_000)

afterAll(() => {
  if (outdir) rmSync(outdir, { recursive: true, force: true })
  if (siteDir) rmSync(siteDir, { recursive: true, force: true })
})

type Resource = { Properties: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string }

function only(type: string): Resource {
  const found = Object.values(template.findResources(type)) as Resource[]
  expect(found).toHaveLength(1)
  return found[0] as Resource
}

/** The platform's own functions, named by service; not CDK's site-upload handler. */
function appFunctions(): Resource[] {
  return (Object.values(template.findResources('AWS::Lambda::Function')) as Resource[]).filter(
    (fn) =>
      (fn.Properties.Environment as { Variables?: Record<string, unknown> } | undefined)?.Variables
        ?.POWERTOOLS_SERVICE_NAME,
  )
}

function functionsByService(): Record<string, Resource> {
  return Object.fromEntries(
    appFunctions().map((fn) => {
      const env = (fn.Properties.Environment as { Variables: Record<string, unknown> }).Variables
      return [env.POWERTOOLS_SERVICE_NAME as string, fn]
    }),
  )
}

/** The policies of the platform's functions' roles. */
function appFunctionPolicies(): Resource[] {
  const roles = new Set(
    appFunctions().map((fn) =>
      JSON.stringify([{ Ref: (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0] }]),
    ),
  )
  return (Object.values(template.findResources('AWS::IAM::Policy')) as Resource[]).filter((policy) =>
    roles.has(JSON.stringify(policy.Properties.Roles)),
  )
}

/** The site's address as the stack writes it: the distribution's domain name. */
function siteUrl(path = ''): unknown {
  const [distributionId] = Object.keys(template.findResources('AWS::CloudFront::Distribution'))
  return {
    'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [distributionId, 'DomainName'] }, ...(path ? [path] : [])]],
  }
}

describe('the table', () => {
  it('has the keys, indexes, stream and TTL of the shared table definition', () => {
    template.hasResourceProperties('AWS::DynamoDB::GlobalTable', {
      KeySchema: [
        { AttributeName: TABLE.partitionKey, KeyType: 'HASH' },
        { AttributeName: TABLE.sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: TABLE.indexes.map((index) => ({
        IndexName: index.name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      StreamSpecification: { StreamViewType: TABLE.stream },
      TimeToLiveSpecification: { AttributeName: TABLE.timeToLiveAttribute, Enabled: true },
      BillingMode: 'PAY_PER_REQUEST',
    })
  })

  it('survives mistakes: point-in-time recovery, deletion protection, retained, no fixed name', () => {
    const table = only('AWS::DynamoDB::GlobalTable')
    expect(table.DeletionPolicy).toBe('Retain')
    expect(table.UpdateReplacePolicy).toBe('Retain')
    expect(table.Properties.TableName).toBeUndefined()
    expect(table.Properties.Replicas).toEqual([
      expect.objectContaining({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    ])
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' })
  })
})

describe('the functions', () => {
  it('all run Node.js 24 on arm64, bundled as ESM, without X-Ray', () => {
    const functions = appFunctions()
    expect(functions.length).toBeGreaterThanOrEqual(2)
    // The one other function is CDK's handler that uploads the site during deploys.
    expect(Object.keys(template.findResources('AWS::Lambda::Function'))).toHaveLength(functions.length + 1)
    for (const fn of functions) {
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        Handler: 'index.handler',
      })
      expect(fn.Properties.TracingConfig).toBeUndefined()
      expect(fn.Properties.LoggingConfig).toMatchObject({ LogFormat: 'JSON', LogGroup: expect.anything() })
      // The bundles read the role's credentials from the environment alone (lambdaCredentialsFromEnv);
      // SnapStart gives them through the container endpoint instead.
      expect(fn.Properties.SnapStart).toBeUndefined()
    }
  })

  it('are bundled into ESM files that export the handler', () => {
    const assets = new Set(
      appFunctions().map(
        (fn) => `asset.${(fn.Properties.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '')}`,
      ),
    )
    const bundles = readdirSync(outdir)
      .filter((name) => assets.has(name))
      .map((name) => readFileSync(join(outdir, name, 'index.mjs'), 'utf8'))
    expect(bundles).toHaveLength(Object.keys(functionsByService()).length)
    for (const bundle of bundles)
      expect(bundle).toMatch(/export\s*\{[^}]*\bas handler\b[^}]*\}|export\s*\{[^}]*\bhandler\b/)
  })

  it.each([
    ['certificate-pdf', 'PDFDocument'],
    ['s3-files', '"PutObject"'],
    ['cognito-accounts', '"AdminCreateUser"'],
    ['calendar', 'VCALENDAR'],
  ])("package the API's %s module, which its handler loads on first use only", (name, content) => {
    const api = functionsByService().api as Resource
    const asset = join(
      outdir,
      `asset.${(api.Properties.Code as { S3Key: string }).S3Key.replace(/\.zip$/, '')}`,
    )
    // The handler's module or one of its chunks (a route's, handed over) imports it by import().
    const modules = ['index.mjs', ...readdirSync(join(asset, 'chunks')).map((file) => `chunks/${file}`)]
    const importer = new RegExp(`import\\("\\./(?:chunks/)?(${name}-[A-Z0-9]+\\.mjs)"\\)`)
    const chunk = modules
      .map((module) => importer.exec(readFileSync(join(asset, module), 'utf8'))?.[1])
      .find((found) => found !== undefined)
    expect(chunk, `the handler or a chunk imports its ${name} chunk by import()`).toBeDefined()
    expect(readFileSync(join(asset, 'chunks', chunk as string), 'utf8')).toContain(content)
  })

  it('know the table, the manage-token secret (by ARN) and the site', () => {
    const { api, mail, jobs } = functionsByService()
    for (const fn of [api, mail, jobs]) {
      expect(fn?.Properties.Environment).toMatchObject({
        Variables: {
          TABLE_NAME: expect.anything(),
          MANAGE_TOKEN_SECRET_ARN: expect.anything(),
          SITE_URL: siteUrl(),
        },
      })
    }
  })

  it('give both senders of the outbox (the mail function and the sweeper’s jobs function) the From address, configuration set and SendRawEmail', () => {
    const functions = functionsByService()
    for (const service of ['mail', 'jobs']) {
      const fn = functions[service] as Resource
      expect(fn.Properties.Environment).toMatchObject({
        Variables: {
          MAIL_FROM: `${cdkJson.context.senderName} <no-reply@${cdkJson.context.mailDomain}>`,
          SES_CONFIGURATION_SET: expect.anything(),
        },
      })
      const [roleId] = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt']
      const actions = (Object.values(template.findResources('AWS::IAM::Policy')) as Resource[])
        .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
        .flatMap(
          (policy) =>
            (policy.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] })
              .Statement,
        )
        .map((statement) => statement.Action)
      expect(actions, service).toContainEqual('ses:SendRawEmail')
    }
    template.hasResourceProperties('AWS::SES::EmailIdentity', { EmailIdentity: cdkJson.context.mailDomain })
  })
})

describe('the manage-token secret', () => {
  it('is generated by CloudFormation, so no key is in the repository', () => {
    const secret = only('AWS::SecretsManager::Secret')
    expect(secret.Properties.GenerateSecretString).toMatchObject({ PasswordLength: 64 })
    expect(secret.Properties.SecretString).toBeUndefined()
    expect(secret.DeletionPolicy).toBe('Retain')
  })
})

/** The stream mapping that invokes the function of this service. */
function mappingOf(service: string): Resource {
  const functionId = Object.entries(template.findResources('AWS::Lambda::Function')).find(([, fn]) =>
    JSON.stringify((fn as Resource).Properties.Environment).includes(
      `"POWERTOOLS_SERVICE_NAME":"${service}"`,
    ),
  )?.[0]
  const mappings = (
    Object.values(template.findResources('AWS::Lambda::EventSourceMapping')) as Resource[]
  ).filter(
    (mapping) => JSON.stringify(mapping.Properties.FunctionName) === JSON.stringify({ Ref: functionId }),
  )
  expect(mappings).toHaveLength(1)
  return mappings[0] as Resource
}

const patterns = (mapping: Resource) =>
  (mapping.Properties.FilterCriteria as { Filters: { Pattern: string }[] }).Filters.map(
    (filter) => JSON.parse(filter.Pattern) as unknown,
  )

describe('the stream mappings', () => {
  it('are two: the mail function’s and the stats function’s', () => {
    expect(Object.keys(template.findResources('AWS::Lambda::EventSourceMapping'))).toHaveLength(2)
  })

  it('fire the mail function only for new outbox items, report failures per record, and retry as the local poller does', () => {
    const mapping = mappingOf('mail')
    expect(mapping.Properties).toMatchObject({
      BatchSize: 10,
      MaximumRetryAttempts: STREAM_RETRY_ATTEMPTS,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      StartingPosition: 'TRIM_HORIZON',
      DestinationConfig: { OnFailure: { Destination: expect.anything() } },
    })
    expect(patterns(mapping)).toEqual([
      {
        eventName: ['INSERT'],
        dynamodb: { Keys: { [TABLE.partitionKey]: { S: [{ prefix: OUTBOX_PREFIX }] } } },
      },
    ])
    expect(OUTBOX_PREFIX).toBe('OUTBOX#')
  })

  it('fire the stats function for every change of a booking item only, report failures per record, and retry as the local poller does', () => {
    const mapping = mappingOf('stats')
    expect(mapping.Properties).toMatchObject({
      MaximumRetryAttempts: STREAM_RETRY_ATTEMPTS,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      StartingPosition: 'TRIM_HORIZON',
      DestinationConfig: { OnFailure: { Destination: expect.anything() } },
    })
    expect(mapping.Properties.DestinationConfig).not.toEqual(mappingOf('mail').Properties.DestinationConfig)
    expect(patterns(mapping)).toEqual([
      {
        dynamodb: {
          Keys: {
            [TABLE.partitionKey]: { S: [{ prefix: BOOKING_KEY.pk }] },
            [TABLE.sortKey]: { S: [BOOKING_KEY.sk] },
          },
        },
      },
    ])
    expect(BOOKING_KEY).toEqual({ pk: 'BOOKING#', sk: 'BOOKING' })
  })

  it('let the stats function read and write only bookings’ take-up and the aggregates: no index, no query, no secret', () => {
    const stats = functionsByService().stats as Resource
    const variables = (stats.Properties.Environment as { Variables: Record<string, unknown> }).Variables
    expect(Object.keys(variables).sort()).toEqual(['NODE_OPTIONS', 'POWERTOOLS_SERVICE_NAME', 'TABLE_NAME'])
    const [roleId] = (stats.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt']
    const statements = (Object.values(template.findResources('AWS::IAM::Policy')) as Resource[])
      .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap(
        (policy) =>
          (
            policy.Properties.PolicyDocument as {
              Statement: { Action: unknown; Resource: unknown; Condition?: unknown }[]
            }
          ).Statement,
      )
    const tableId = Object.keys(template.findResources('AWS::DynamoDB::GlobalTable'))[0]
    const table = { 'Fn::GetAtt': [tableId, 'Arn'] }
    const leadingKeys = (...prefixes: string[]) => ({
      'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': prefixes.map((prefix) => `${prefix}*`) },
    })
    expect(statements.map(({ Action, Resource, Condition }) => ({ Action, Resource, Condition }))).toEqual([
      { Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: expect.anything() },
      // Its two grants on the same items, merged by CDK into one statement.
      {
        Action: ['dynamodb:BatchGetItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem'],
        Resource: table,
        Condition: leadingKeys('BOOKING#', 'TAKEUP_PERSON#', 'TAKEUP_SETTING#'),
      },
      {
        Action: 'dynamodb:UpdateItem',
        Resource: table,
        Condition: leadingKeys('TAKEUP_DAY#', 'TAKEUP_MONTH#', 'TAKEUP_REACH#'),
      },
      {
        Action: ['sqs:GetQueueAttributes', 'sqs:GetQueueUrl', 'sqs:SendMessage'],
        Resource: expect.anything(),
      },
      {
        Action: [
          'dynamodb:DescribeStream',
          'dynamodb:GetRecords',
          'dynamodb:GetShardIterator',
          'dynamodb:ListStreams',
        ],
        Resource: { 'Fn::GetAtt': [tableId, 'StreamArn'] },
      },
    ])
  })
})

describe('the job schedules', () => {
  const schedules = () => Object.values(template.findResources('AWS::Scheduler::Schedule')) as Resource[]
  const logicalIdOf = (type: string, service: string) =>
    Object.entries(template.findResources(type)).find(
      ([, resource]) =>
        (resource as Resource).Properties.Environment !== undefined &&
        JSON.stringify((resource as Resource).Properties.Environment).includes(
          `"POWERTOOLS_SERVICE_NAME":"${service}"`,
        ),
    )?.[0]

  it('has one schedule per job of the registry, in London time, sending the job’s name', () => {
    const made = schedules().map((schedule) => {
      const target = schedule.Properties.Target as { Input: string }
      return {
        expression: schedule.Properties.ScheduleExpression,
        timeZone: schedule.Properties.ScheduleExpressionTimezone,
        input: JSON.parse(target.Input) as unknown,
        state: schedule.Properties.State,
      }
    })
    expect(made).toEqual(
      JOB_SCHEDULES.map((job) => ({
        expression: job.schedule,
        timeZone: 'Europe/London',
        input: { job: job.name },
        state: 'ENABLED',
      })),
    )
  })

  it('runs the retention job daily at 03:00 London time, keeping personal data 24 months unless the `retentionMonths` context says', () => {
    const retention = schedules().find((schedule) =>
      String((schedule.Properties.Target as { Input: string }).Input).includes('"retention"'),
    )
    expect(retention?.Properties).toMatchObject({
      ScheduleExpression: 'cron(0 3 * * ? *)',
      ScheduleExpressionTimezone: 'Europe/London',
    })
    const jobsFunction = template.findResources('AWS::Lambda::Function')[
      logicalIdOf('AWS::Lambda::Function', 'jobs') as string
    ] as Resource
    expect(jobsFunction.Properties.Environment).toMatchObject({
      Variables: { RETENTION_MONTHS: String(DEFAULT_RETENTION_MONTHS) },
    })
    expect(DEFAULT_RETENTION_MONTHS).toBe(24)
    expect(() =>
      createApp({ outdir, context: { ...cdkJson.context, siteDir, retentionMonths: '0' } }),
    ).toThrow(/retentionMonths.*1 to 120/)
  })

  it('gives the API and the jobs the default reminders of sessions that set none, 2 days and 2 hours unless the `reminderLeadsMinutes` context says', () => {
    const variables = (service: string) =>
      (
        template.findResources('AWS::Lambda::Function')[
          logicalIdOf('AWS::Lambda::Function', service) as string
        ] as Resource
      ).Properties.Environment as { Variables: Record<string, unknown> }
    expect(DEFAULT_REMINDER_LEADS_MINUTES).toEqual([2880, 120])
    for (const service of ['api', 'jobs'])
      expect(variables(service).Variables.REMINDER_LEADS_MINUTES).toBe('2880,120')

    // As `cdk deploy -c reminderLeadsMinutes=…` gives it; read off the functions without a second synth.
    const configured = (value: unknown) => {
      const { stack } = createApp({
        outdir,
        context: { ...cdkJson.context, siteDir, reminderLeadsMinutes: value },
      })
      return [stack.api.function, stack.jobs.function].map(
        (fn) =>
          stack.resolve((fn.function.node.defaultChild as CfnFunction).environment).variables
            .REMINDER_LEADS_MINUTES,
      )
    }
    expect(configured('60, 10080')).toEqual(['10080,60', '10080,60'])
    expect(configured([1440])).toEqual(['1440', '1440'])
    expect(configured('')).toEqual(['', ''])
    for (const bad of ['2 days', '10', '20161', '15,30,60,120,240', { hours: 2 }])
      expect(() => configured(bad)).toThrow(
        /"reminderLeadsMinutes" must be whole minutes separated by commas, each from 15 to 20160, at most 4/,
      )
  })

  it('invoke the jobs function with a role that may invoke only it, with retries and a dead-letter queue', () => {
    const jobsFunction = logicalIdOf('AWS::Lambda::Function', 'jobs')
    const roles = new Set(
      schedules().map((schedule) =>
        JSON.stringify((schedule.Properties.Target as { RoleArn: unknown }).RoleArn),
      ),
    )
    expect(roles.size).toBe(1)
    const [roleId] = [...roles].map(
      (arn) => (JSON.parse(arn) as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0],
    )
    for (const schedule of schedules()) {
      expect(schedule.Properties.Target).toMatchObject({
        Arn: { 'Fn::GetAtt': [jobsFunction, 'Arn'] },
        RetryPolicy: {
          MaximumRetryAttempts: expect.any(Number),
          MaximumEventAgeInSeconds: expect.any(Number),
        },
        DeadLetterConfig: { Arn: expect.anything() },
      })
    }
    const role = template.findResources('AWS::IAM::Role')[roleId as string] as Resource
    expect(JSON.stringify(role.Properties.AssumeRolePolicyDocument)).toContain('scheduler.amazonaws.com')
    const policies = Object.values(template.findResources('AWS::IAM::Policy')) as Resource[]
    const statements = policies
      .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap(
        (policy) =>
          (policy.Properties.PolicyDocument as { Statement: { Action: unknown; Resource: unknown }[] })
            .Statement,
      )
    const invoke = statements.filter((statement) => JSON.stringify(statement.Action).includes('lambda:'))
    expect(invoke).toEqual([
      expect.objectContaining({
        Action: 'lambda:InvokeFunction',
        Resource: { 'Fn::GetAtt': [jobsFunction, 'Arn'] },
      }),
    ])
  })

  it('send the function’s runs that failed every attempt to the same queue', () => {
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', {
      FunctionName: { Ref: logicalIdOf('AWS::Lambda::Function', 'jobs') },
      MaximumRetryAttempts: 2,
      DestinationConfig: { OnFailure: { Destination: Match.anyValue() } },
    })
  })
})

describe('the topics’ key', () => {
  it('is one customer-managed key (each is billed every month), rotated, used by every topic', () => {
    const keys = Object.keys(template.findResources('AWS::KMS::Key'))
    expect(keys).toHaveLength(1)
    template.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true })
    const topics = Object.values(template.findResources('AWS::SNS::Topic')) as Resource[]
    expect(topics).toHaveLength(2)
    for (const topic of topics) {
      expect(topic.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keys[0], 'Arn'] })
    }
  })
})

describe('bounces and complaints', () => {
  it('are published by the configuration set to an encrypted topic that SES may use', () => {
    const destination = only('AWS::SES::ConfigurationSetEventDestination')
    expect(destination.Properties.EventDestination).toMatchObject({
      Enabled: true,
      MatchingEventTypes: ['bounce', 'complaint'],
      SnsDestination: { TopicARN: expect.anything() },
    })
    const topicId = (
      destination.Properties.EventDestination as { SnsDestination: { TopicARN: { Ref: string } } }
    ).SnsDestination.TopicARN.Ref
    const topic = template.findResources('AWS::SNS::Topic')[topicId] as Resource
    expect(topic.Properties.KmsMasterKeyId).toBeDefined()
    template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Principal: { Service: Match.arrayWith(['ses.amazonaws.com']) },
          }),
        ]),
      },
    })
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 'sns:Publish', Principal: { Service: 'ses.amazonaws.com' } }),
        ]),
      },
    })
  })

  it('reach a function of their own, which knows the table and nothing it does not need', () => {
    const subscriptions = Object.values(template.findResources('AWS::SNS::Subscription')) as Resource[]
    expect(subscriptions.map((subscription) => subscription.Properties.Protocol)).toEqual(['lambda'])
    const feedback = functionsByService()['mail-feedback'] as Resource
    const variables = (feedback.Properties.Environment as { Variables: Record<string, unknown> }).Variables
    expect(Object.keys(variables).sort()).toEqual(['NODE_OPTIONS', 'POWERTOOLS_SERVICE_NAME', 'TABLE_NAME'])
  })
})

describe('monitoring', () => {
  type AlarmProps = {
    MetricName?: string
    Namespace?: string
    Dimensions: { Name: string; Value: unknown }[]
    Threshold: number
    AlarmActions: unknown[]
  }
  const alarms = () =>
    (Object.values(template.findResources('AWS::CloudWatch::Alarm')) as Resource[]).map(
      (alarm) => alarm.Properties as AlarmProps,
    )
  /** Logical ids of the platform's own functions (those with a service name), not CDK's helpers. */
  const appFunctionIds = () =>
    Object.entries(template.findResources('AWS::Lambda::Function'))
      .filter(([, fn]) => {
        const env = (fn as Resource).Properties.Environment as
          | { Variables?: Record<string, unknown> }
          | undefined
        return env?.Variables?.POWERTOOLS_SERVICE_NAME !== undefined
      })
      .map(([id]) => id)

  it('alarms on every function’s errors and throttles, each to one encrypted alarm topic', () => {
    expect(appFunctionIds()).toHaveLength(Object.keys(functionsByService()).length)
    for (const metricName of ['Errors', 'Throttles']) {
      const watched = alarms()
        .filter((alarm) => alarm.Namespace === 'AWS/Lambda' && alarm.MetricName === metricName)
        .map((alarm) => (alarm.Dimensions[0] as { Value: { Ref: string } }).Value.Ref)
      expect(watched.sort()).toEqual(appFunctionIds().sort())
    }
    for (const alarm of alarms()) expect(alarm.AlarmActions).toEqual([{ Ref: expect.any(String) }])
    const topics = new Set(alarms().map((alarm) => (alarm.AlarmActions[0] as { Ref: string }).Ref))
    expect(topics.size).toBe(1)
    const topic = template.findResources('AWS::SNS::Topic')[[...topics][0] as string] as Resource
    expect(topic.Properties.KmsMasterKeyId).toBeDefined()
    template.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Principal: { Service: Match.arrayWith(['cloudwatch.amazonaws.com']) } }),
        ]),
      },
    })
  })

  it('alarms on the API’s 5xx and latency, every dead-letter queue, parked emails and SES reputation', () => {
    const named = (namespace: string, metric: string) =>
      alarms().filter((alarm) => alarm.Namespace === namespace && alarm.MetricName === metric)
    expect(named('AWS/ApiGateway', '5xx')).toHaveLength(1)
    expect(named('AWS/ApiGateway', 'Latency')).toHaveLength(1)
    const queues = Object.keys(template.findResources('AWS::SQS::Queue'))
    const watchedQueues = named('AWS/SQS', 'ApproximateNumberOfMessagesVisible').map(
      (alarm) => (alarm.Dimensions[0] as { Value: { 'Fn::GetAtt': string[] } }).Value['Fn::GetAtt'][0],
    )
    expect(watchedQueues.sort()).toEqual(queues.sort())
    expect(named(METRIC_NAMESPACE, 'ParkedEmails')).toHaveLength(1)
    expect(named('AWS/SES', 'Reputation.BounceRate')).toEqual([
      expect.objectContaining({ Threshold: ALARM_THRESHOLDS.bounceRate }),
    ])
    expect(named('AWS/SES', 'Reputation.ComplaintRate')).toHaveLength(1)
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1)
  })

  it('counts parked emails from the logs of the functions that send from the outbox', () => {
    const filters = Object.values(template.findResources('AWS::Logs::MetricFilter')) as Resource[]
    expect(filters).toHaveLength(2)
    for (const filter of filters) {
      expect(filter.Properties.FilterPattern).toBe(`{ $.message = "${PARKED_EMAIL_LOG}" }`)
      expect(filter.Properties.MetricTransformations).toEqual([
        expect.objectContaining({ MetricNamespace: METRIC_NAMESPACE, MetricName: 'ParkedEmails' }),
      ])
    }
  })

  it('emails the alarms only to an address given as context', () => {
    const withEmail = createApp({
      outdir: mkdtempSync(join(tmpdir(), 'cdk.out')),
      context: {
        ...cdkJson.context,
        siteDir,
        alarmEmail: 'alarms@example.org',
        'aws:cdk:bundling-stacks': [],
      },
    })
    const subscriptions = Template.fromStack(withEmail.stack).findResources('AWS::SNS::Subscription')
    expect(Object.values(subscriptions).map((s) => (s as Resource).Properties)).toContainEqual(
      expect.objectContaining({ Protocol: 'email', Endpoint: 'alarms@example.org' }),
    )
  })
})

describe('the materials bucket', () => {
  it('is private, encrypted, SSL-only, versioned and retained, with uploads from the site only', () => {
    const buckets = Object.entries(template.findResources('AWS::S3::Bucket')).filter(([id]) =>
      id.startsWith('MaterialsBucket'),
    )
    expect(buckets).toHaveLength(1)
    const [id, resource] = buckets[0] as [string, Resource]
    expect(resource.DeletionPolicy).toBe('Retain')
    expect(resource.Properties).toMatchObject({
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
      VersioningConfiguration: { Status: 'Enabled' },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      CorsConfiguration: {
        CorsRules: [{ AllowedOrigins: [siteUrl()], AllowedMethods: ['PUT', 'GET'] }],
      },
    })
    expect(resource.Properties.BucketName).toBeUndefined()
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: { Ref: id },
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        ]),
      },
    })
  })

  it('is known to the API alone, which may read, write and delete only the files under materials/', () => {
    const { api, mail, jobs } = functionsByService()
    expect(api?.Properties.Environment).toMatchObject({ Variables: { MATERIALS_BUCKET: expect.anything() } })
    for (const fn of [mail, jobs]) {
      expect((fn as Resource).Properties.Environment).not.toHaveProperty('Variables.MATERIALS_BUCKET')
    }
    const policies = JSON.stringify(appFunctionPolicies())
    expect(policies.match(/s3:PutObject/g)).toHaveLength(1)
    const statements = appFunctionPolicies().flatMap(
      (policy) =>
        (
          (policy as Resource).Properties.PolicyDocument as {
            Statement: { Action: unknown; Resource: unknown }[]
          }
        ).Statement,
    )
    const s3 = statements.find((statement) => JSON.stringify(statement.Action).includes('s3:'))
    expect(s3?.Action).toEqual(['s3:DeleteObject', 's3:GetObject', 's3:PutObject'])
    expect(JSON.stringify(s3?.Resource)).toMatch(/"\/materials\/\*"\]\]\}$/)
  })
})

describe('the HTTP API', () => {
  it('sends every method under /api to the API function', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /api/{proxy+}' })
  })

  it('throttles and writes access logs on its default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: Match.anyValue(), ThrottlingBurstLimit: Match.anyValue() },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.anyValue() },
    })
  })

  it('logs the route, never the path (which may carry booking ids) or the caller', () => {
    const stage = only('AWS::ApiGatewayV2::Stage')
    const format = JSON.parse((stage.Properties.AccessLogSettings as { Format: string }).Format) as object
    const variables = Object.values(format)
    expect(variables).toEqual(expect.arrayContaining(['$context.routeKey', '$context.status']))
    expect(variables.filter((v) => /\$context\.(path|identity\.)/.test(String(v)))).toEqual([])
  })
})

describe('staff sign-in', () => {
  it('is a user pool with no self sign-up, MFA required, threat protection enforced, and kept on delete', () => {
    const [pool] = Object.values(template.findResources('AWS::Cognito::UserPool')) as Resource[]
    expect(pool?.DeletionPolicy).toBe('Retain')
    expect(pool?.Properties).toMatchObject({
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      UserPoolTier: 'PLUS',
      UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' },
      DeletionProtection: 'ACTIVE',
      Schema: expect.arrayContaining([
        expect.objectContaining({ Name: 'la_codes', AttributeDataType: 'String', Mutable: true }),
      ]),
    })
  })

  it('has one group per staff role', () => {
    const groups = Object.values(template.findResources('AWS::Cognito::UserPoolGroup')) as Resource[]
    expect(groups.map((group) => group.Properties.GroupName).sort()).toEqual([
      'admin',
      'la-officer',
      'trainer',
    ])
  })

  it('has a public app client for the code flow with PKCE back to /staff/, which cannot write attributes', () => {
    const client = only('AWS::Cognito::UserPoolClient')
    expect(client.Properties).toMatchObject({
      GenerateSecret: false,
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      CallbackURLs: [siteUrl('/staff/')],
      LogoutURLs: [siteUrl('/staff/?signed-out=1')],
      PreventUserExistenceErrors: 'ENABLED',
      WriteAttributes: [],
    })
    expect(client.Properties.ReadAttributes).toContain('custom:la_codes')
  })

  it('gives the API the issuer, audience, sign-in domain and pool, and lets it invite staff', () => {
    const { api } = functionsByService()
    const variables =
      (api?.Properties.Environment as { Variables: Record<string, unknown> } | undefined)?.Variables ?? {}
    const poolId = Object.keys(template.findResources('AWS::Cognito::UserPool'))[0]
    const clientId = Object.keys(template.findResources('AWS::Cognito::UserPoolClient'))[0]
    expect(variables.STAFF_ISSUER).toEqual({
      'Fn::Join': ['', ['https://cognito-idp.', { Ref: 'AWS::Region' }, '.amazonaws.com/', { Ref: poolId }]],
    })
    expect(variables.STAFF_AUDIENCE).toEqual({ Ref: clientId })
    expect(variables.STAFF_USER_POOL_ID).toEqual({ Ref: poolId })
    expect(JSON.stringify(variables.STAFF_AUTH_URL)).toContain('.auth.')
    expect(variables).not.toHaveProperty('STAFF_JWKS_URL')
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: ['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminCreateUser'],
            Resource: { 'Fn::GetAtt': [poolId, 'Arn'] },
          }),
        ]),
      },
    })
  })
})

describe('synthesis', () => {
  it('leaves no cdk-nag AWS Solutions finding unacknowledged', () => {
    const report = new AwsSolutionsChecks().validateScope(app)
    expect(
      report.violations.map((v) => `${v.ruleName} at ${v.violatingResources[0]?.constructPath}`),
    ).toEqual([])
  })

  it('needs no AWS account: no context lookups, environment-agnostic stack', () => {
    const assembly = app.synth()
    expect(assembly.manifest.missing).toBeUndefined()
    expect(assembly.stacks.map((stack) => stack.environment.account)).toEqual(['unknown-account'])
  })
})
