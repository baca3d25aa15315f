import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib'
import {
  AccountRecovery,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  OAuthScope,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
  UserPoolGroup,
} from 'aws-cdk-lib/aws-cognito'
import { Construct } from 'constructs'
import type { AppFunction } from './app-function.ts'

/** The staff roles, as Cognito groups: the API reads them from `cognito:groups`. */
export const STAFF_GROUPS = ['admin', 'trainer', 'la-officer'] as const

export interface AuthProps {
  /** The public site's origin: staff come back to `<siteUrl>/staff/` after signing in or out. */
  siteUrl: string
  /** The hosted sign-in's prefix, `<prefix>.auth.<region>.amazoncognito.com` (unique in the region). */
  domainPrefix: string
}

/**
 * Staff sign-in: a Cognito user pool with the three role groups and the LA scope as the custom
 * attribute `la_codes`; accounts are only ever created by administrators (no self sign-up), with
 * MFA required and threat protection enforced. The site's app client is public (PKCE, no secret)
 * and may read but never write the attributes, so nobody can widen their own LA scope.
 */
export class Auth extends Construct {
  readonly userPool: UserPool
  readonly client: UserPoolClient
  readonly domain: UserPoolDomain

  constructor(scope: Construct, id: string, props: AuthProps) {
    super(scope, id)
    this.userPool = new UserPool(this, 'UserPool', {
      selfSignUpEnabled: false,
      signInAliases: { username: true, email: true },
      signInCaseSensitive: false,
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: true, mutable: true },
      },
      customAttributes: { la_codes: new StringAttribute({ minLen: 0, maxLen: 2048, mutable: true }) },
      mfa: Mfa.REQUIRED,
      mfaSecondFactor: { otp: true, sms: false },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
      },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: FeaturePlan.PLUS,
      standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    })
    for (const group of STAFF_GROUPS) {
      new UserPoolGroup(this, `Group-${group}`, { userPool: this.userPool, groupName: group })
    }

    const staffHome = `${props.siteUrl.replace(/\/$/, '')}/staff/`
    this.client = this.userPool.addClient('SiteClient', {
      generateSecret: false,
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      authFlows: {
        user: false,
        userSrp: false,
        userPassword: false,
        adminUserPassword: false,
        custom: false,
      },
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [staffHome],
        logoutUrls: [`${staffHome}?signed-out=1`],
      },
      preventUserExistenceErrors: true,
      idTokenValidity: Duration.hours(1),
      accessTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, fullname: true })
        .withCustomAttributes('la_codes'),
      writeAttributes: new ClientAttributes(),
    })
    this.domain = this.userPool.addDomain('Domain', { cognitoDomain: { domainPrefix: props.domainPrefix } })
  }

  /**
   * The `iss` of the pool's tokens. Not `userPoolProviderUrl`: CloudFormation's ProviderURL has no
   * scheme, and the tokens' issuer has `https://`.
   */
  get issuer(): string {
    return `https://cognito-idp.${Stack.of(this).region}.amazonaws.com/${this.userPool.userPoolId}`
  }

  /**
   * Sets the staff sign-in variables of the API (`STAFF_ISSUER`, `STAFF_AUDIENCE`, `STAFF_AUTH_URL`,
   * `STAFF_USER_POOL_ID`) and grants inviting staff: creating users and adding them to groups.
   */
  bindApi(fn: AppFunction): void {
    fn.setVariable('STAFF_ISSUER', this.issuer)
      .setVariable('STAFF_AUDIENCE', this.client.userPoolClientId)
      .setVariable('STAFF_AUTH_URL', this.domain.baseUrl())
      .setVariable('STAFF_USER_POOL_ID', this.userPool.userPoolId)
    this.userPool.grant(fn.function, 'cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup')
  }
}
