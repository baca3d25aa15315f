import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  CognitoIdentityProviderClient,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider'
import { DomainError, type StaffAccounts } from '@ey/domain'

export interface CognitoAccountsOptions {
  /** A new client when not given. */
  client?: Pick<CognitoIdentityProviderClient, 'send'>
  userPoolId: string
}

/**
 * Staff accounts in the Cognito user pool: AdminCreateUser (Cognito emails the invitation with a
 * temporary password), then one AdminAddUserToGroup per role. The LA scope is the custom attribute
 * `la_codes`, comma-separated, as the API's verifier reads it back from the ID token.
 */
export function createCognitoStaffAccounts(options: CognitoAccountsOptions): StaffAccounts {
  const { client = new CognitoIdentityProviderClient({}), userPoolId } = options
  return {
    async create(invite) {
      const created = await client
        .send(
          new AdminCreateUserCommand({
            UserPoolId: userPoolId,
            Username: invite.username,
            DesiredDeliveryMediums: ['EMAIL'],
            UserAttributes: [
              { Name: 'email', Value: invite.email },
              { Name: 'email_verified', Value: 'true' },
              { Name: 'name', Value: invite.name },
              ...(invite.laCodes.length > 0
                ? [{ Name: 'custom:la_codes', Value: invite.laCodes.join(',') }]
                : []),
            ],
          }),
        )
        .catch((error: unknown) => {
          if (error instanceof UsernameExistsException) {
            throw new DomainError('already-exists', 'A staff member with this username already exists.')
          }
          throw error
        })
      const sub = created.User?.Attributes?.find((attribute) => attribute.Name === 'sub')?.Value
      if (!sub) throw new Error('Cognito created the user but answered no sub')
      for (const role of invite.roles) {
        await client.send(
          new AdminAddUserToGroupCommand({
            UserPoolId: userPoolId,
            Username: invite.username,
            GroupName: role,
          }),
        )
      }
      return { sub }
    },
  }
}
