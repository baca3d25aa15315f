import { spawnSync } from 'node:child_process'
import { TABLE } from '@ey/dynamodb'
import {
  AssetHashType,
  type CfnElement,
  DockerImage,
  Duration,
  type ILocalBundling,
  Stack,
  Validations,
} from 'aws-cdk-lib'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam'
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager'
import type { IConfigurationSet, IEmailIdentity } from 'aws-cdk-lib/aws-ses'
import { Construct } from 'constructs'
import { FUNCTION_ENTRIES, type FunctionName } from '../bundling.ts'
import { REPO_ROOT } from '../paths.ts'

/** The item actions a function may be granted on the table (no Scan, no BatchWriteItem). */
export type TableAction =
  | 'dynamodb:GetItem'
  | 'dynamodb:BatchGetItem'
  | 'dynamodb:Query'
  | 'dynamodb:PutItem'
  | 'dynamodb:UpdateItem'
  | 'dynamodb:DeleteItem'
  | 'dynamodb:ConditionCheckItem'

/**
 * One statement of a function's access to the table. A transaction needs the action of each of
 * its parts (`PutItem`, `UpdateItem`, `DeleteItem`, `ConditionCheckItem`), on each part's item.
 */
export interface TableGrant {
  actions: readonly TableAction[]
  /**
   * Only items whose partition key begins with one of these (`BOOKING#`…, from
   * `partitionPrefixes`): every key a request names must match (`ForAllValues:StringLike` on
   * `dynamodb:LeadingKeys`). Left out: every item of the table.
   */
  partitions?: readonly string[]
  /** The indexes, by name, that the statement covers instead of the table (queries only). */
  indexes?: readonly string[]
}

/** Who the emails come from: the verified identity, the configuration set and the From header. */
export interface Sender {
  identity: IEmailIdentity
  configurationSet: IConfigurationSet
  /** The From header, `Name <address>`, with the address in the identity's domain. */
  from: string
}

export interface AppFunctionProps {
  /**
   * Names the function (`POWERTOOLS_SERVICE_NAME`; its entry gives its logger the same name, the
   * `service` of its log lines) and picks its handler file
   * from `FUNCTION_ENTRIES` (it exports `handler`).
   */
  serviceName: FunctionName
  /** What the function is for, shown in the console. */
  description: string
  /** Defaults to 10 seconds. */
  timeout?: Duration
  /** Defaults to 1024 MB: on arm64 more memory also buys CPU for cold starts. */
  memorySize?: number
  /** Defaults to three months. */
  logRetention?: RetentionDays
}

/**
 * Every Lambda function of the platform: Node.js 24 on arm64, bundled by esbuild without Docker as
 * ESM (`infra/lib/bundling.ts`: the handler's `index.mjs` and the chunks it loads later), its own
 * log group and role. Variables and grants come in pairs through the `bind*` methods so
 * a function never holds a variable without the permission to use it, or the reverse.
 */
export class AppFunction extends Construct {
  /** The function, for integrations and event sources. */
  readonly function: LambdaFunction
  /** Its own log group (what the function logs, and nothing else). */
  readonly logGroup: LogGroup
  /** The name its logs and alarms go by (`POWERTOOLS_SERVICE_NAME`). */
  readonly serviceName: string

  constructor(scope: Construct, id: string, props: AppFunctionProps) {
    super(scope, id)
    this.serviceName = props.serviceName
    const logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.THREE_MONTHS,
    })
    // An own role writing only to its own log group, instead of the AWS managed basic execution
    // policy that may write to any log group in the account.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') })
    logGroup.grantWrite(role)
    this.logGroup = logGroup

    this.function = new LambdaFunction(this, 'Function', {
      code: bundledCode(props.serviceName),
      handler: 'index.handler',
      description: props.description,
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 1024,
      timeout: props.timeout ?? Duration.seconds(10),
      role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.DISABLED,
      environment: {
        POWERTOOLS_SERVICE_NAME: props.serviceName,
        NODE_OPTIONS: '--enable-source-maps',
      },
    })
  }

  /**
   * Sets `TABLE_NAME` and grants the function these item actions and nothing else: one statement
   * per grant, on the table itself (with `dynamodb:LeadingKeys` when the grant names the
   * partitions) or on the indexes it names. No Scan, no batch writes, no `index/*`.
   */
  bindTable(table: ITableV2, grants: readonly TableGrant[]): this {
    this.function.addEnvironment('TABLE_NAME', table.tableName)
    for (const grant of grants) {
      if (grant.indexes && grant.partitions) {
        throw new Error(
          'A grant on indexes names no partitions: which key LeadingKeys matches on an index is not documented clearly',
        )
      }
      if (grant.indexes && grant.actions.some((action) => action !== 'dynamodb:Query')) {
        throw new Error('Indexes are only queried')
      }
      const unknown = grant.indexes?.filter((index) => !TABLE.indexes.some((known) => known.name === index))
      if (unknown?.length) throw new Error(`No such index of the table: ${unknown.join(', ')}`)
      this.function.addToRolePolicy(
        new PolicyStatement({
          actions: [...grant.actions],
          resources: grant.indexes
            ? grant.indexes.map((index) => `${table.tableArn}/index/${index}`)
            : [table.tableArn],
          ...(grant.partitions
            ? {
                conditions: {
                  'ForAllValues:StringLike': {
                    'dynamodb:LeadingKeys': grant.partitions.map((prefix) => `${prefix}*`),
                  },
                },
              }
            : {}),
        }),
      )
    }
    return this
  }

  /**
   * Sets `MAIL_FROM` and `SES_CONFIGURATION_SET` and grants `ses:SendRawEmail` on the identity and the
   * configuration set: SES checks both when a message names a configuration set.
   */
  bindSender(sender: Sender): this {
    this.function.addEnvironment('MAIL_FROM', sender.from)
    this.function.addEnvironment('SES_CONFIGURATION_SET', sender.configurationSet.configurationSetName)
    const configurationSetArn = Stack.of(this).formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: sender.configurationSet.configurationSetName,
    })
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendRawEmail'],
        resources: [sender.identity.emailIdentityArn, configurationSetArn],
      }),
    )
    return this
  }

  /**
   * Sets `MATERIALS_BUCKET` and grants reading, writing and deleting the material files (and
   * nothing else of the bucket): the function signs upload and download links with its own role.
   */
  bindMaterials(bucket: IBucket): this {
    this.function.addEnvironment('MATERIALS_BUCKET', bucket.bucketName)
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'],
        resources: [bucket.arnForObjects('materials/*')],
      }),
    )
    const bucketId = Stack.of(bucket).getLogicalId(bucket.node.defaultChild as CfnElement)
    Validations.of(this).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/materials/*]`,
      reason: 'Each material file has a key of its own under materials/; the wildcard covers only those.',
    })
    return this
  }

  /** Sets `variable` to the secret's ARN and grants reading its value (read at cold start, never in env). */
  bindSecret(variable: string, secret: ISecret): this {
    this.function.addEnvironment(variable, secret.secretArn)
    secret.grantRead(this.function)
    return this
  }

  /** Sets a plain configuration variable (never a secret: those go through `bindSecret`). */
  setVariable(name: string, value: string): this {
    this.function.addEnvironment(name, value)
    return this
  }
}

/**
 * The function's code: `infra/bin/bundle.ts` run locally (never in Docker) while synthesizing, with
 * the options `pnpm bench:lambda` and the bundle budget test build with. The asset is the whole
 * output directory, so the chunks loaded by `import()` are deployed with the handler. Its hash is
 * the output's, as NodejsFunction's is: the repository root is never fingerprinted.
 */
function bundledCode(serviceName: FunctionName): Code {
  return Code.fromAsset(REPO_ROOT, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('bundled-locally-only'),
      local: new LocalBundling(FUNCTION_ENTRIES[serviceName]),
    },
  })
}

/**
 * Bundles one entry. Its `entry` is a field, not only captured by `tryBundle`, because CDK caches a
 * bundle by its bundling options as JSON: without it, every function would get the first's code.
 */
class LocalBundling implements ILocalBundling {
  readonly entry: string

  constructor(entry: string) {
    this.entry = entry
  }

  tryBundle(outputDir: string): boolean {
    const run = spawnSync(process.execPath, [`${REPO_ROOT}/infra/bin/bundle.ts`, this.entry, outputDir], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
    })
    if (run.status !== 0) throw new Error(`Bundling ${this.entry} failed (exit ${run.status ?? run.signal})`)
    return true
  }
}
