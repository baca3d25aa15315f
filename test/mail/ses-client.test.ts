import { SESClient, SendRawEmailCommand } from '@ey/mail/ses'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { type ScriptedAnswer, scriptedAws } from '../support/scripted-aws.ts'

/** SES's v1 error answer, as its query API sends it. */
const refusal = (code: string, message: string, type = 'Sender', status = 400): ScriptedAnswer => ({
  status,
  contentType: 'text/xml',
  body: `<ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><Error><Type>${type}</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>req-1</RequestId></ErrorResponse>`,
})
const SENT: ScriptedAnswer = {
  status: 200,
  contentType: 'text/xml',
  body: '<SendRawEmailResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/"><SendRawEmailResult><MessageId>0102-abc</MessageId></SendRawEmailResult></SendRawEmailResponse>',
}
const RAW = new TextEncoder().encode('From: a@example.org\r\nTo: b@example.org\r\nSubject: Hi\r\n\r\nHello')

describe('the SES client (SendRawEmail on SES’s query API)', () => {
  let stand: Awaited<ReturnType<typeof scriptedAws>> | undefined
  let ses: SESClient | undefined
  const on = async (answers: ScriptedAnswer[]) => {
    stand = await scriptedAws(answers)
    ses = new SESClient({
      endpoint: stand.endpoint,
      region: 'eu-west-2',
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret', sessionToken: 'token' },
    })
    return { ses, received: stand.received }
  }
  beforeAll(() => {
    // The waits between attempts: none, so the tests take no time.
    vi.spyOn(Math, 'random').mockReturnValue(0)
  })
  afterAll(() => vi.mocked(Math.random).mockRestore())
  afterEach(async () => {
    ses?.destroy()
    await stand?.close()
  })

  it('sends the message whole with its configuration set, signed for SES, and answers its message id', async () => {
    const { ses, received } = await on([SENT])

    const answer = await ses.send(
      new SendRawEmailCommand({ RawMessage: { Data: RAW }, ConfigurationSetName: 'ey-mail' }),
    )

    expect(answer.MessageId).toBe('0102-abc')
    const form = new URLSearchParams(received[0]?.body)
    expect(Object.fromEntries(form)).toEqual({
      Action: 'SendRawEmail',
      Version: '2010-12-01',
      'RawMessage.Data': Buffer.from(RAW).toString('base64'),
      ConfigurationSetName: 'ey-mail',
    })
    expect(received[0]?.headers['x-amz-security-token']).toBe('token')
    expect(received[0]?.headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-2\/ses\/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, /,
    )
  })

  it('tries again when SES throttles, and gives SES’s refusal by its code, not tried again', async () => {
    const throttled = await on([refusal('Throttling', 'Maximum sending rate exceeded.'), SENT])
    expect((await throttled.ses.send(new SendRawEmailCommand({ RawMessage: { Data: RAW } }))).MessageId).toBe(
      '0102-abc',
    )
    expect(throttled.received).toHaveLength(2)
    ses?.destroy()
    await stand?.close()

    const refused = await on([
      refusal('MessageRejected', 'Email address is not verified: a &amp; b &lt;x@example.org&gt;'),
    ])
    const failure = await refused.ses
      .send(new SendRawEmailCommand({ RawMessage: { Data: RAW } }))
      .catch((e: unknown) => e)

    expect(failure).toMatchObject({
      name: 'MessageRejected',
      message: 'Email address is not verified: a & b <x@example.org>',
      $fault: 'client',
      $metadata: { httpStatusCode: 400, requestId: 'req-1', attempts: 1 },
    })
    expect(refused.received).toHaveLength(1)
  })

  it('counts SES’s own failure as the server’s, and tries it up to 3 times', async () => {
    const { ses, received } = await on([
      refusal('InternalFailure', 'An internal error occurred.', 'Receiver', 500),
    ])

    const failure = await ses
      .send(new SendRawEmailCommand({ RawMessage: { Data: RAW } }))
      .catch((e: unknown) => e)

    expect(failure).toMatchObject({ name: 'InternalFailure', $fault: 'server', $metadata: { attempts: 3 } })
    expect(received).toHaveLength(3)
  })
})
