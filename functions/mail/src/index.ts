import { Logger } from '@ey/runtime'
import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda'
import { mailClients, mailConfigFromEnv, wireMail } from './deps.ts'
import { createMailHandler } from './handler.ts'

export { type MailClients, type MailConfig, mailClients, mailConfigFromEnv, wireMail } from './deps.ts'
export {
  type FeedbackConfig,
  feedbackClients,
  feedbackConfigFromEnv,
  wireFeedback,
} from './feedback-deps.ts'
export { createFeedbackHandler, type FeedbackHandlerDeps } from './feedback-handler.ts'
export { createMailHandler, type MailHandlerDeps } from './handler.ts'
export { mailFeedbackOf } from './ses-feedback.ts'

const logger = new Logger({ serviceName: 'mail' })
let handle: Promise<ReturnType<typeof createMailHandler>> | undefined

/**
 * The Lambda entry. Dependencies are built once per container, on the first event rather than at
 * import, so the local stack can import `createMailHandler` from this package without AWS settings.
 */
export const handler = async (
  event: DynamoDBStreamEvent,
  context: Context,
): Promise<DynamoDBBatchResponse> => {
  logger.addContext(context)
  handle ??= mailConfigFromEnv().then((config) =>
    createMailHandler(wireMail(config, mailClients(config), { logger })),
  )
  return (await handle)(event)
}
