import { createHash, createHmac } from 'node:crypto'

/** The credentials a request is signed with (a Lambda function's come from its environment). */
export interface AwsCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
}

/** What Signature Version 4 needs of one request; `headers` are lower-case and get the signature's own. */
export interface SignableRequest {
  method: string
  /** `host[:port]`, as the Host header is sent. */
  host: string
  path: string
  headers: Record<string, string>
  body: string
}

const sha256Hex = (data: string): string => createHash('sha256').update(data, 'utf8').digest('hex')
const hmac = (key: string | Buffer, data: string): Buffer =>
  createHmac('sha256', key).update(data, 'utf8').digest()

/** `20261203T180000Z`: SigV4's basic ISO 8601 form, to the second. */
export function amzDate(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
}

/**
 * Signs a request with AWS Signature Version 4 (the `Authorization` header, `x-amz-date` and the
 * session token's header), as AWS's SDK does for a JSON-protocol service: every header given is
 * signed, and the path is used as it is (DynamoDB's is `/`). Returns the headers to send, `host` included.
 */
export function signRequest(
  request: SignableRequest,
  credentials: AwsCredentials,
  scope: { region: string; service: string },
  at: Date,
): Record<string, string> {
  const stamp = amzDate(at)
  const day = stamp.slice(0, 8)
  const headers: Record<string, string> = { ...request.headers, host: request.host, 'x-amz-date': stamp }
  if (credentials.sessionToken) headers['x-amz-security-token'] = credentials.sessionToken
  const names = Object.keys(headers).sort()
  const signedHeaders = names.join(';')
  const canonical = [
    request.method,
    request.path,
    '',
    ...names.map((name) => `${name}:${String(headers[name]).trim().replace(/\s+/g, ' ')}`),
    '',
    signedHeaders,
    sha256Hex(request.body),
  ].join('\n')
  const credentialScope = `${day}/${scope.region}/${scope.service}/aws4_request`
  const toSign = ['AWS4-HMAC-SHA256', stamp, credentialScope, sha256Hex(canonical)].join('\n')
  const key = hmac(
    hmac(hmac(hmac(`AWS4${credentials.secretAccessKey}`, day), scope.region), scope.service),
    'aws4_request',
  )
  const signature = createHmac('sha256', key).update(toSign, 'utf8').digest('hex')
  return {
    ...headers,
    authorization: `AWS4-HMAC-SHA256 Credential=${credentials.accessKeyId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
  }
}
