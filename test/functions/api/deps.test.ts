import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider'
import { apiClients, apiConfigFromEnv, wireApi } from '@ey/api'
import { localStaffAccounts } from '@ey/domain'
import { type Env, manageTokenSecret, requireEnv } from '@ey/runtime'
import { mockClient } from 'aws-sdk-client-mock'
import { afterEach, describe, expect, it, vi } from 'vitest'

const SECRET = 'a-manage-token-secret-of-32-chars-or-more'
const STAFF = {
  STAFF_ISSUER: 'https://cognito-idp.eu-west-2.amazonaws.com/eu-west-2_Example',
  STAFF_AUDIENCE: 'example-client',
}
const FILES = { MATERIALS_BUCKET: 'example-materials' }
/** An environment the API starts with, for the tests of one variable on top of it. */
const ENV = {
  TABLE_NAME: 't',
  SITE_URL: 'https://x.example',
  MANAGE_TOKEN_SECRET: SECRET,
  ...STAFF,
  ...FILES,
}

afterEach(() => vi.unstubAllEnvs())

/** What the Lambda entry does with its environment. */
async function wired(env: Env) {
  const config = await apiConfigFromEnv(env)
  return wireApi(config, apiClients(config))
}

describe('the API’s composition root', () => {
  it.each(['TABLE_NAME', 'SITE_URL', 'STAFF_ISSUER', 'STAFF_AUDIENCE'])(
    'refuses to start without %s, naming it',
    async (name) => {
      const env = {
        TABLE_NAME: 'table',
        SITE_URL: 'https://training.example.org',
        MANAGE_TOKEN_SECRET: SECRET,
        ...STAFF,
        ...FILES,
      }
      await expect(wired({ ...env, [name]: ' ' })).rejects.toThrow(`Missing environment variable ${name}`)
    },
  )

  it('refuses to start without a manage-token key, naming the variables', async () => {
    await expect(
      wired({ TABLE_NAME: 't', SITE_URL: 'https://x.example', ...STAFF, ...FILES }),
    ).rejects.toThrow('MANAGE_TOKEN_SECRET_ARN')
  })

  it('builds the dependencies from the environment', async () => {
    const deps = await wired({
      TABLE_NAME: 't',
      SITE_URL: 'https://x.example',
      MANAGE_TOKEN_SECRET: SECRET,
      ...STAFF,
      ...FILES,
    })
    expect(deps.siteUrl).toBe('https://x.example')
    expect(deps.staffSignIn).toEqual({
      issuer: STAFF.STAFF_ISSUER,
      clientId: 'example-client',
      authUrl: STAFF.STAFF_ISSUER,
    })
    expect(deps.las.has('E08000035')).toBe(true)
  })

  it('keeps manage links working 90 days after the session unless MANAGE_LINK_DAYS says otherwise, and refuses a bad value', async () => {
    const env = ENV
    expect((await wired(env)).policy.manageLinkDays).toBe(90)
    expect((await wired({ ...env, MANAGE_LINK_DAYS: '30' })).policy.manageLinkDays).toBe(30)
    await expect(wired({ ...env, MANAGE_LINK_DAYS: '0.5' })).rejects.toThrow('MANAGE_LINK_DAYS')
  })

  it('sends the reminders REMINDER_LEADS_MINUTES gives to sessions that set none (empty: none), and refuses a bad value, naming it', async () => {
    const env = ENV
    expect((await wired(env)).reminderLeadsMinutes).toEqual([2880, 120])
    expect((await wired({ ...env, REMINDER_LEADS_MINUTES: '60, 10080' })).reminderLeadsMinutes).toEqual([
      10080, 60,
    ])
    expect((await wired({ ...env, REMINDER_LEADS_MINUTES: '' })).reminderLeadsMinutes).toEqual([])
    for (const bad of ['2 days', '10', '20161', '2880;120', '15,30,60,120,240']) {
      await expect(wired({ ...env, REMINDER_LEADS_MINUTES: bad })).rejects.toThrow(
        `REMINDER_LEADS_MINUTES must be whole minutes separated by commas, each from 15 to 20160, at most 4 of them (empty for no reminders), not "${bad}"`,
      )
    }
  })

  it('keeps material files in the bucket MATERIALS_BUCKET names, else in the folder MATERIALS_DIR names', async () => {
    const env = { TABLE_NAME: 't', SITE_URL: 'https://x.example', MANAGE_TOKEN_SECRET: SECRET, ...STAFF }
    expect((await apiConfigFromEnv({ ...env, ...FILES })).materialFiles).toEqual({
      kind: 's3',
      bucket: 'example-materials',
    })
    const local = await apiConfigFromEnv({ ...env, MATERIALS_DIR: '/tmp/materials' })
    expect(local.materialFiles).toMatchObject({
      kind: 'local',
      dir: '/tmp/materials',
      baseUrl: 'https://x.example',
    })
    await expect(apiConfigFromEnv(env)).rejects.toThrow('MATERIALS_BUCKET (or MATERIALS_DIR')
  })

  it('reads the key from Secrets Manager when given its ARN', async () => {
    const sent: object[] = []
    const secrets = {
      send: async (command: object) => {
        sent.push(command)
        return { SecretString: SECRET }
      },
    } as never
    const arn = 'arn:aws:secretsmanager:eu-west-2:123456789012:secret:manage-AbCdEf'
    expect(await manageTokenSecret({ MANAGE_TOKEN_SECRET_ARN: arn }, secrets)).toBe(SECRET)
    expect(sent).toHaveLength(1)
    expect(sent[0]?.constructor.name).toBe('GetSecretValueCommand')
    expect(sent[0]).toMatchObject({ input: { SecretId: arn } })
  })

  it('names a missing variable', () => {
    expect(() => requireEnv('NOPE', {})).toThrow('Missing environment variable NOPE')
    expect(requireEnv('YES', { YES: 'value' })).toBe('value')
  })
  it('invites staff through Cognito when given the user pool, and straight into the directory without', async () => {
    const env = ENV
    expect((await wired(env)).staffAccounts).toBe(localStaffAccounts)
    const aws = await wired({ ...env, STAFF_USER_POOL_ID: 'eu-west-2_Example' })
    expect(aws.staffAccounts).not.toBe(localStaffAccounts)
  })

  it('signs links for the bucket MATERIALS_BUCKET names with the S3 client it makes on the first use', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE')
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'secret')
    const env = { TABLE_NAME: 't', SITE_URL: 'https://x.example', MANAGE_TOKEN_SECRET: SECRET, ...STAFF }
    const { materialFiles } = await wired({ ...env, ...FILES })
    const file = { key: 'materials/m1/slides.pdf', fileName: 'slides.pdf', contentType: 'application/pdf' }
    const link = new URL(await materialFiles.signDownload(file, 60))
    expect(`${link.hostname}${link.pathname}`).toBe(
      'example-materials.s3.eu-west-2.amazonaws.com/materials/m1/slides.pdf',
    )
    expect(link.searchParams.get('X-Amz-Expires')).toBe('60')
  })

  it('creates invited staff in the user pool STAFF_USER_POOL_ID names, with the Cognito client it makes on the first invite', async () => {
    const cognito = mockClient(CognitoIdentityProviderClient)
    cognito.on(AdminCreateUserCommand).resolves({ User: { Attributes: [{ Name: 'sub', Value: 'uuid-1' }] } })
    cognito.on(AdminAddUserToGroupCommand).resolves({})
    const env = ENV
    const { staffAccounts } = await wired({ ...env, STAFF_USER_POOL_ID: 'eu-west-2_Example' })
    const invite = {
      username: 'dana',
      name: 'Dana',
      email: 'dana@example.org',
      roles: ['trainer' as const],
      laCodes: [],
    }
    expect(await staffAccounts.create(invite)).toEqual({ sub: 'uuid-1' })
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input).toMatchObject({
      UserPoolId: 'eu-west-2_Example',
      Username: 'dana',
    })
    cognito.restore()
  })
})
