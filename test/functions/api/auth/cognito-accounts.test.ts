import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider'
import { createCognitoStaffAccounts } from '@ey/api'
import { DomainError } from '@ey/domain'
import { mockClient } from 'aws-sdk-client-mock'
import { beforeEach, describe, expect, it } from 'vitest'

const cognito = mockClient(CognitoIdentityProviderClient)
const POOL = 'eu-west-2_Example'
const accounts = createCognitoStaffAccounts({
  client: new CognitoIdentityProviderClient({}),
  userPoolId: POOL,
})
const officer = {
  username: 'la-york',
  name: 'Yasmin York',
  email: 'yasmin@york.example.org',
  roles: ['la-officer' as const, 'trainer' as const],
  laCodes: ['E06000014', 'E08000035'],
}

beforeEach(() => cognito.reset())

describe('staff accounts in Cognito', () => {
  it('creates the user with email, name and the LA scope, then adds them to each role’s group', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: { Attributes: [{ Name: 'sub', Value: 'uuid-1' }] } })
    cognito.on(AdminAddUserToGroupCommand).resolves({})
    expect(await accounts.create(officer)).toEqual({ sub: 'uuid-1' })
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'la-york',
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: 'yasmin@york.example.org' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Yasmin York' },
        { Name: 'custom:la_codes', Value: 'E06000014,E08000035' },
      ],
    })
    expect(cognito.commandCalls(AdminAddUserToGroupCommand).map((call) => call.args[0].input)).toEqual([
      { UserPoolId: POOL, Username: 'la-york', GroupName: 'la-officer' },
      { UserPoolId: POOL, Username: 'la-york', GroupName: 'trainer' },
    ])
  })

  it('sends no LA attribute for staff without LAs', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: { Attributes: [{ Name: 'sub', Value: 'uuid-2' }] } })
    await accounts.create({ ...officer, roles: ['admin'], laCodes: [] })
    const attributes = cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input.UserAttributes ?? []
    expect(attributes.map((attribute) => attribute.Name)).toEqual(['email', 'email_verified', 'name'])
  })

  it('answers already-exists when Cognito has the username, adding no groups', async () => {
    cognito
      .on(AdminCreateUserCommand)
      .rejects(new UsernameExistsException({ message: 'User account already exists', $metadata: {} }))
    const failure = await accounts.create(officer).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(DomainError)
    expect(failure).toMatchObject({ code: 'already-exists' })
    expect(cognito.commandCalls(AdminAddUserToGroupCommand)).toHaveLength(0)
  })
})
