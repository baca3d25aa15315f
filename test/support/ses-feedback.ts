import type { createFeedbackHandler } from '@ey/mail-function'

/** The event Lambda hands an SNS-subscribed function. */
type SNSEvent = Parameters<ReturnType<typeof createFeedbackHandler>>[0]

/** Fields every SES event record carries about the email it concerns. */
const MAIL = {
  timestamp: '2026-03-02T09:00:00.000Z',
  source: 'Early years SEND training <no-reply@training.example.org>',
  sourceArn: 'arn:aws:ses:eu-west-2:123456789012:identity/training.example.org',
  sendingAccountId: '123456789012',
  messageId: '0100018e0example-000000',
  tags: { 'ses:configuration-set': ['ey-mail'] },
}

/** An SES event-publishing bounce record, as SES puts it in an SNS notification. */
export function sesBounce(addresses: string[], bounceType = 'Permanent', bounceSubType = 'General') {
  return {
    eventType: 'Bounce',
    bounce: {
      bounceType,
      bounceSubType,
      bouncedRecipients: addresses.map((emailAddress) => ({
        emailAddress,
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: `smtp; 550 5.1.1 <${emailAddress}>: user unknown`,
      })),
      timestamp: '2026-03-02T09:01:00.000Z',
      feedbackId: '0100018e0bounce-000000',
      reportingMTA: 'dns; mx.example.test',
    },
    mail: { ...MAIL, destination: addresses },
  }
}

/** An SES event-publishing complaint record. */
export function sesComplaint(addresses: string[], complaintFeedbackType = 'abuse') {
  return {
    eventType: 'Complaint',
    complaint: {
      complainedRecipients: addresses.map((emailAddress) => ({ emailAddress })),
      timestamp: '2026-03-02T09:02:00.000Z',
      feedbackId: '0100018e0complaint-000000',
      userAgent: 'ExampleMail/1.0',
      complaintFeedbackType,
      arrivalDate: '2026-03-02T09:02:00.000Z',
    },
    mail: { ...MAIL, destination: addresses },
  }
}

/** An SES delivery record: not about deliverability problems. */
export function sesDelivery(addresses: string[]) {
  return {
    eventType: 'Delivery',
    delivery: { timestamp: '2026-03-02T09:00:05.000Z', recipients: addresses, smtpResponse: '250 OK' },
    mail: { ...MAIL, destination: addresses },
  }
}

/** The SNS notifications Lambda hands a subscribed function, one per message (a string is sent as it is). */
export function snsEvent(...messages: (object | string)[]): SNSEvent {
  return {
    Records: messages.map((message, index) => ({
      EventVersion: '1.0',
      EventSource: 'aws:sns',
      EventSubscriptionArn: 'arn:aws:sns:eu-west-2:123456789012:ses-feedback:subscription',
      Sns: {
        Type: 'Notification',
        MessageId: `sns-message-${index + 1}`,
        TopicArn: 'arn:aws:sns:eu-west-2:123456789012:ses-feedback',
        Subject: '',
        Message: typeof message === 'string' ? message : JSON.stringify(message),
        Timestamp: '2026-03-02T09:03:00.000Z',
        SignatureVersion: '1',
        Signature: 'EXAMPLE',
        SigningCertUrl: 'https://sns.eu-west-2.amazonaws.com/cert.pem',
        UnsubscribeUrl: 'https://sns.eu-west-2.amazonaws.com/?Action=Unsubscribe',
        MessageAttributes: {},
      },
    })),
  }
}
