import type { StaffInvite, StaffMember } from './schemas/staff-member.ts'

/** The staff directory: who is staff, with which roles and LAs, kept by this platform. */
export interface StaffDirectory {
  /** Adds a member; throws `already-exists` when the username or subject is taken. */
  add(member: StaffMember): Promise<void>
  /**
   * One page of members by username: at most `limit`, those after `after` (a username), and the
   * username the next page starts after when there are more.
   */
  page(query: { after?: string; limit: number }): Promise<{ items: StaffMember[]; next?: string }>
  findByUsername(username: string): Promise<StaffMember | undefined>
  /** The member with this subject (a trainer's id on sessions), read consistently. */
  get(sub: string): Promise<StaffMember | undefined>
}

/**
 * Sign-in accounts at the identity provider: Cognito users and groups in AWS; locally the issuer
 * reads the directory itself, so there is nothing more to create.
 */
export interface StaffAccounts {
  /** Creates the account (and its groups) and answers the issuer's subject for it. */
  create(invite: StaffInvite): Promise<{ sub: string }>
}
