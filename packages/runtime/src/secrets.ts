import {
  AwsCommand,
  AwsService,
  type AwsServiceConfig,
  jsonProtocolError,
  type ResponseMetadata,
} from '@ey/aws-http'
import { type Env, optionalEnv } from './env.ts'

/** Secrets Manager's GetSecretValue: the secret's ARN in, its string out. */
export class GetSecretValueCommand extends AwsCommand<
  { SecretId: string },
  { SecretString?: string; $metadata: ResponseMetadata }
> {}

/**
 * AWS Secrets Manager for the one call the platform makes, GetSecretValue, over its JSON protocol
 * by `AwsService` (signed, retried as AWS's SDK does), with `send(new GetSecretValueCommand(…))` as
 * AWS's `SecretsManagerClient` has it.
 */
export class SecretsManagerClient {
  readonly #service: AwsService

  constructor(config: AwsServiceConfig = {}) {
    this.#service = new AwsService(
      { signingName: 'secretsmanager', hostPrefix: 'secretsmanager', envName: 'SECRETS_MANAGER' },
      config,
    )
  }

  send(command: GetSecretValueCommand): Promise<GetSecretValueCommand['output']> {
    return this.#service.post(
      {
        headers: {
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'secretsmanager.GetSecretValue',
        },
        body: JSON.stringify(command.input),
      },
      {
        answer: (answer, $metadata) => {
          const { SecretString } = JSON.parse(answer.body) as { SecretString?: string }
          return { ...(SecretString === undefined ? {} : { SecretString }), $metadata }
        },
        error: jsonProtocolError,
      },
    )
  }
}

/**
 * The manage-token key: `MANAGE_TOKEN_SECRET` where set (the local stack), otherwise the secret
 * named by `MANAGE_TOKEN_SECRET_ARN` (AWS), read once at cold start. Every function that issues
 * or checks manage links (API, mail) must read the same key.
 */
export async function manageTokenSecret(
  env: Env,
  secrets: Pick<SecretsManagerClient, 'send'> = new SecretsManagerClient({}),
): Promise<string> {
  const direct = optionalEnv('MANAGE_TOKEN_SECRET', env)
  if (direct) return direct
  const arn = optionalEnv('MANAGE_TOKEN_SECRET_ARN', env)
  if (!arn) throw new Error('Missing environment variable MANAGE_TOKEN_SECRET_ARN (or MANAGE_TOKEN_SECRET)')
  const { SecretString } = await secrets.send(new GetSecretValueCommand({ SecretId: arn }))
  if (!SecretString) throw new Error('The secret named by MANAGE_TOKEN_SECRET_ARN holds no string')
  return SecretString
}
