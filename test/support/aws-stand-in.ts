import { createServer } from 'node:http'
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
 * (a bundle's chunks, the SDK's clients) makes and sends these calls and reads their answers.
 */
export async function startAwsStandIn(options: {
  secretString: string
  /** Users already in the user pool. */
  cognitoUsernames?: string[]
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
