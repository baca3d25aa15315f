import { Logger } from '@ey/runtime'
import type { Context, SNSEvent } from 'aws-lambda'
import { feedbackClients, feedbackConfigFromEnv, wireFeedback } from './feedback-deps.ts'
import { createFeedbackHandler } from './feedback-handler.ts'

const logger = new Logger({ serviceName: 'mail-feedback' })
let handle: ReturnType<typeof createFeedbackHandler> | undefined

/** The Lambda entry of the bounce and complaint handler, subscribed to the configuration set's SNS topic. */
export const handler = async (event: SNSEvent, context: Context): Promise<void> => {
  logger.addContext(context)
  if (!handle) {
    const config = feedbackConfigFromEnv()
    handle = createFeedbackHandler(wireFeedback(config, feedbackClients(config), { logger }))
  }
  await handle(event)
}
