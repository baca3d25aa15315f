import { createHash, createHmac } from 'node:crypto'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request the stand-in received: what the SDK sent, with the service its signature names. */
export interface StandInRequest {
  method: string
  path: string
  /** `X-Amz-Target` of the JSON protocols (Cognito, Secrets Manager); undefined for S3. */
  target: string | undefined
  /** The service in the SigV4 credential scope (`cognito-idp`, `s3`, `secretsmanager`); undefined if unsigned. */
  signedFor: string | undefined
  body: string
}

export interface AwsStandIn {
  /** For `AWS_ENDPOINT_URL_<SERVICE>`: the SDK then sends that service's calls here. */
  url: string
  requests: StandInRequest[]
  /** Puts an object in the stand-in's S3, so HeadObject finds it. */
  putObject(path: string, size: number, contentType: string): void
  close(): Promise<void>
}

/**
 * An HTTP endpoint on 127.0.0.1 answering the few AWS calls the API makes that the local stack has
 * no service for, as the SDK's own parsers expect them: Secrets Manager's GetSecretValue (the
 * manage-token key, `secretString`), Cognito's AdminCreateUser (a new `sub`) and AdminAddUserToGroup,
 * and S3's HeadObject (the objects given to `putObject`, 404 otherwise) and DeleteObject. It records
 * every request. Not AWS: it checks no signature and no permission; it shows that a function's code
 * (a bundle's chunks, the SDK's clients) makes and sends these calls and reads their answers. The one
 * exception is an upload to a presigned S3 link (a `PUT` with `X-Amz-Signature` in its query, as a
 * browser sends it): its SigV4 query signature is checked against `secretAccessKey`, with the headers
 * it names, so a link signed wrongly, expired, or used with another type or size is refused (403) as
 * S3 would refuse it; a good one stores the object (its size and type), for HeadObject to find.
 */
export async function startAwsStandIn(options: {
  secretString: string
  /** Users already in the user pool. */
  cognitoUsernames?: string[]
  /** The secret key the functions sign with (their `AWS_SECRET_ACCESS_KEY`), to check presigned uploads. */
  secretAccessKey?: string
}): Promise<AwsStandIn> {
  const requests: StandInRequest[] = []
  const objects = new Map<string, { size: number; contentType: string }>()
  let subs = 0
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://stand-in').pathname
      const target = req.headers['x-amz-target']?.toString()
      const signedFor = /Credential=[^/]+\/[^/]+\/[^/]+\/([^/]+)\//.exec(req.headers.authorization ?? '')?.[1]
      requests.push({
        method: req.method ?? '',
        path,
        target,
        signedFor,
        body: Buffer.concat(chunks).toString(),
      })
      const json = (body: unknown) => {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' })
        res.end(JSON.stringify(body))
      }
      if (target === 'secretsmanager.GetSecretValue') return json({ SecretString: options.secretString })
      if (target === 'AWSCognitoIdentityProviderService.AdminCreateUser') {
        const { Username } = JSON.parse(requests.at(-1)?.body ?? '{}') as { Username?: string }
        if (Username && options.cognitoUsernames?.includes(Username)) {
          res.writeHead(400, {
            'content-type': 'application/x-amz-json-1.1',
            'x-amzn-errortype': 'UsernameExistsException',
          })
          return res.end(JSON.stringify({ message: 'User account already exists' }))
        }
        subs += 1
        return json({ User: { Attributes: [{ Name: 'sub', Value: `stand-in-sub-${subs}` }] } })
      }
      if (target === 'AWSCognitoIdentityProviderService.AdminAddUserToGroup') return json({})
      const url = new URL(req.url ?? '/', 'http://stand-in')
      if (req.method === 'PUT' && url.searchParams.has('X-Amz-Signature')) {
        const refused = presignedRefusal(req, url, options.secretAccessKey)
        if (refused) {
          res.writeHead(403, { 'content-type': 'application/xml' })
          return res.end(`<Error><Code>${refused}</Code></Error>`)
        }
        objects.set(path, {
          size: Buffer.concat(chunks).length,
          contentType: req.headers['content-type'] ?? 'binary/octet-stream',
        })
        res.writeHead(200)
        return res.end()
      }
      const object = objects.get(path)
      if (req.method === 'HEAD' && object) {
        res.writeHead(200, { 'content-length': object.size, 'content-type': object.contentType })
      } else if (req.method === 'DELETE' && !target) {
        objects.delete(path)
        res.writeHead(204)
      } else res.writeHead(404)
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    putObject: (path, size, contentType) => objects.set(path, { size, contentType }),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  }
}

/** RFC 3986 encoding, as SigV4 canonical query strings use it. */
const encode = (value: string) =>
  encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)

/**
 * Why S3 would refuse this request to a presigned link (its error code), or undefined if it would
 * take it: SigV4 with the signature in the query (AWS4-HMAC-SHA256, payload unsigned), the request's
 * own method, path, query and the headers the link names, within its expiry.
 */
function presignedRefusal(req: IncomingMessage, url: URL, secretAccessKey: string | undefined) {
  const query = url.searchParams
  const [amzDate = '', expires = '0', credential = ''] = [
    'X-Amz-Date',
    'X-Amz-Expires',
    'X-Amz-Credential',
  ].map((name) => query.get(name) ?? '')
  const signedAt = Date.parse(
    amzDate.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)Z$/, '$1-$2-$3T$4:$5:$6Z'),
  )
  if (!(Date.now() <= signedAt + Number(expires) * 1000)) return 'AccessDenied'
  if (secretAccessKey === undefined || query.get('X-Amz-Algorithm') !== 'AWS4-HMAC-SHA256')
    return 'SignatureDoesNotMatch'
  const signedHeaders = query.get('X-Amz-SignedHeaders') ?? ''
  const canonicalQuery = [...query]
    .filter(([name]) => name !== 'X-Amz-Signature')
    .map(([name, value]) => `${encode(name)}=${encode(value)}`)
    .sort()
    .join('&')
  const canonicalHeaders = signedHeaders
    .split(';')
    .map((name) => `${name}:${String(req.headers[name] ?? '').trim()}\n`)
    .join('')
  const canonicalRequest = [
    req.method,
    (req.url ?? '/').split('?')[0],
    canonicalQuery,
    canonicalHeaders,
    signedHeaders,
    'UNSIGNED-PAYLOAD',
  ].join('\n')
  const scope = credential.split('/').slice(1).join('/')
  const stringToSign = [
    'AWS4-HMAC-SHA256',
    amzDate,
    scope,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n')
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest()
  const signingKey = scope.split('/').reduce<string | Buffer>(hmac, `AWS4${secretAccessKey}`)
  const signature = createHmac('sha256', signingKey).update(stringToSign).digest('hex')
  return signature === query.get('X-Amz-Signature') ? undefined : 'SignatureDoesNotMatch'
}
