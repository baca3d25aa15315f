import {
  type AwsAnswer,
  AwsCommand,
  AwsService,
  type AwsServiceConfig,
  AwsServiceException,
  type ResponseMetadata,
} from '@ey/aws-http'

/** SES's SendRawEmail, as the platform calls it: the message whole, and the configuration set. */
export interface SendRawEmailInput {
  RawMessage: { Data: Uint8Array }
  ConfigurationSetName?: string
}

/** SES's answer: the id it gave the message. */
export interface SendRawEmailOutput {
  MessageId?: string
  $metadata: ResponseMetadata
}

/** SES's SendRawEmail: the message whole (headers, bodies, attachments) in, SES's message id out. */
export class SendRawEmailCommand extends AwsCommand<SendRawEmailInput, SendRawEmailOutput> {}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/** The text of the first `<name>` element of an XML answer (SES's answers are flat enough). */
function element(xml: string, name: string): string | undefined {
  const text = new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]
  return text?.replace(/&(amp|lt|gt|quot|apos);/g, (_, entity: string) => XML_ENTITIES[entity] as string)
}

/**
 * Amazon SES (its v1 query API) for the one call the platform makes, SendRawEmail, so that a
 * calendar file can travel as an attachment: sent by `AwsService` (signed, retried as AWS's SDK
 * does), with `send(new SendRawEmailCommand({...}))` as AWS's `SESClient` has it. SES's errors come
 * as `AwsServiceException`s named by SES's code (`Throttling`, `MessageRejected`…).
 */
export class SESClient {
  readonly #service: AwsService

  constructor(config: AwsServiceConfig = {}) {
    this.#service = new AwsService({ signingName: 'ses', hostPrefix: 'email', envName: 'SES' }, config)
  }

  send(
    command: SendRawEmailCommand,
    options: { abortSignal?: AbortSignal } = {},
  ): Promise<SendRawEmailOutput> {
    const { RawMessage, ConfigurationSetName } = command.input
    const form = new URLSearchParams({
      Action: 'SendRawEmail',
      Version: '2010-12-01',
      'RawMessage.Data': Buffer.from(RawMessage.Data).toString('base64'),
      ...(ConfigurationSetName ? { ConfigurationSetName } : {}),
    })
    return this.#service.post(
      {
        headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
        body: form.toString(),
      },
      {
        answer: (answer, $metadata) => {
          const messageId = element(answer.body, 'MessageId')
          return { ...(messageId ? { MessageId: messageId } : {}), $metadata }
        },
        error: errorOf,
      },
      options.abortSignal,
    )
  }

  /** Closes the connections kept open between calls. */
  destroy(): void {
    this.#service.destroy()
  }
}

/** SES's error answer: `<ErrorResponse><Error><Type>Sender</Type><Code>…</Code><Message>…</Message></Error>…`. */
function errorOf(answer: AwsAnswer, $metadata: ResponseMetadata): AwsServiceException {
  return new AwsServiceException(element(answer.body, 'Code') ?? `HTTP${answer.status}Error`, {
    message: element(answer.body, 'Message') ?? `SES answered ${answer.status}`,
    $fault: element(answer.body, 'Type') === 'Receiver' || answer.status >= 500 ? 'server' : 'client',
    $metadata: { ...$metadata, requestId: element(answer.body, 'RequestId') ?? $metadata.requestId },
  })
}
