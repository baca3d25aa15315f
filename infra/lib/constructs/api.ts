import { DEFAULT_REMINDER_LEADS_MINUTES } from '@ey/domain'
import { CfnOutput, Duration, Validations } from 'aws-cdk-lib'
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway'
import { HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2'
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations'
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb'
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs'
import type { IBucket } from 'aws-cdk-lib/aws-s3'
import type { ISecret } from 'aws-cdk-lib/aws-secretsmanager'
import { Construct } from 'constructs'
import { AppFunction } from './app-function.ts'

export interface ApiProps {
  table: ITableV2
  /** The key that signs and checks manage links. */
  manageTokenSecret: ISecret
  /** The public site's origin. */
  siteUrl: string
  /** Where the files of materials live. */
  materials: IBucket
  /** Steady requests per second across the API; defaults to 50. */
  rateLimit?: number
  /** Requests allowed in a burst above the rate; defaults to 100. */
  burstLimit?: number
  /** Reminders of a session that sets none of its own, minutes before each part (`REMINDER_LEADS_MINUTES`); default 2 days and 2 hours. */
  reminderLeadsMinutes?: readonly number[]
}

/**
 * The JSON API: one Hono app in one function, behind an HTTP API on `/api/*`. Stage-wide throttling caps what a flood can cost.
 */
export class Api extends Construct {
  readonly httpApi: HttpApi
  readonly stage: HttpStage
  readonly function: AppFunction

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id)
    this.function = new AppFunction(this, 'Function', {
      serviceName: 'api',
      description: 'The JSON API under /api',
      timeout: Duration.seconds(10),
    })
      // Every kind of item (the API is where bookings, sessions, the catalogue, staff, alerts,
      // questionnaires, materials and the audits change), but no Scan, no batch write, and only
      // the indexes it queries (gsi4, the work that falls due, is the jobs').
      .bindTable(props.table, [
        {
          actions: [
            'dynamodb:GetItem',
            'dynamodb:BatchGetItem',
            'dynamodb:Query',
            'dynamodb:PutItem',
            'dynamodb:UpdateItem',
            'dynamodb:DeleteItem',
          ],
        },
        { actions: ['dynamodb:Query'], indexes: ['gsi1', 'gsi2', 'gsi3'] },
      ])
      .bindSecret('MANAGE_TOKEN_SECRET_ARN', props.manageTokenSecret)
      .setVariable('SITE_URL', props.siteUrl)
      .setVariable(
        'REMINDER_LEADS_MINUTES',
        (props.reminderLeadsMinutes ?? DEFAULT_REMINDER_LEADS_MINUTES).join(','),
      )
      .bindMaterials(props.materials)

    // The default stage is made below, so that it can carry throttling and access logs.
    this.httpApi = new HttpApi(this, 'HttpApi', { createDefaultStage: false })
    this.httpApi.addRoutes({
      path: '/api/{proxy+}',
      methods: [HttpMethod.ANY],
      integration: new HttpLambdaIntegration('Function', this.function.function),
    })
    Validations.of(this.httpApi).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason:
        'Booking needs no sign-in; staff routes verify Cognito JWTs inside the app, the same code path the local stack runs.',
    })

    const accessLogs = new LogGroup(this, 'AccessLogs', { retention: RetentionDays.THREE_MONTHS })
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      autoDeploy: true,
      throttle: { rateLimit: props.rateLimit ?? 50, burstLimit: props.burstLimit ?? 100 },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        // The route key, never the path: paths may carry booking ids, and no log holds personal data.
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTimeEpoch',
            routeKey: '$context.routeKey',
            method: '$context.httpMethod',
            status: '$context.status',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationLatency: '$context.integrationLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    })

    new CfnOutput(this, 'Url', { value: this.stage.url, description: 'The API endpoint (routes under /api)' })
  }
}
