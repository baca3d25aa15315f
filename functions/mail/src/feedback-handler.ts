import { recordMailFeedback, type UndeliverableAddresses } from '@ey/domain'
import type { DeliveryLog } from '@ey/mail'
import type { SNSEvent } from 'aws-lambda'
import { mailFeedbackOf } from './ses-feedback.ts'

/** What the bounce and complaint handler needs. */
export interface FeedbackHandlerDeps {
  undeliverable: Pick<UndeliverableAddresses, 'mark'>
  logger: DeliveryLog
}

/**
 * The handler of the SES configuration set's bounce and complaint events, delivered by SNS: each
 * permanent bounce or complaint makes its addresses undeliverable (transient and undetermined
 * bounces do not; see `suppresses`). A notification that cannot be read is logged and dropped
 * (retrying would not make it readable); a failure to record one is thrown, so it is retried.
 * The log holds the event's type, never an address.
 */
export function createFeedbackHandler(deps: FeedbackHandlerDeps) {
  return async (event: SNSEvent): Promise<void> => {
    for (const record of event.Records) {
      const log = { snsMessageId: record.Sns.MessageId }
      let feedback: ReturnType<typeof mailFeedbackOf>
      try {
        feedback = mailFeedbackOf(JSON.parse(record.Sns.Message))
      } catch (error) {
        deps.logger.error('SES notification cannot be read; it is dropped', {
          ...log,
          error: error instanceof Error ? error.name : 'UnknownError',
        })
        continue
      }
      if (!feedback) continue
      const marked = await recordMailFeedback(deps, feedback)
      deps.logger.info('SES feedback recorded', {
        ...log,
        kind: feedback.kind,
        ...(feedback.kind === 'bounce'
          ? { bounceType: feedback.bounceType, bounceSubType: feedback.bounceSubType }
          : { complaintType: feedback.complaintType ?? 'not given' }),
        recipients: feedback.recipients.length,
        markedUndeliverable: marked,
      })
    }
  }
}
