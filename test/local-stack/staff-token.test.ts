import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { type StaffIssuer, startStaffIssuer } from '@ey/local-stack'
import { decodeJwt } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const run = promisify(execFile)
const CLI = resolve(import.meta.dirname, '../../packages/local-stack/src/cli/staff-token.ts')

let issuer: StaffIssuer

beforeAll(async () => {
  issuer = await startStaffIssuer()
})

afterAll(() => issuer.stop())

describe('pnpm staff-token', () => {
  it('prints only an ID token for the demo user, from the running issuer', async () => {
    const { stdout } = await run(process.execPath, [
      CLI,
      '--',
      '--user',
      'trainer-amira',
      '--issuer',
      issuer.url,
    ])
    const token = stdout.trim()
    expect(token.split('.')).toHaveLength(3)
    expect(decodeJwt(token)).toMatchObject({
      iss: issuer.url,
      sub: 'trainer-amira',
      'cognito:groups': ['trainer'],
    })
  })

  it('says who the demo staff are when no user is named', async () => {
    const failed = await run(process.execPath, [CLI, '--issuer', issuer.url]).catch((error: unknown) => error)
    expect(failed).toMatchObject({ code: 2, stderr: expect.stringContaining('admin, trainer-amira') })
  })

  it('fails, naming the issuer, for someone who cannot sign in', async () => {
    const failed = await run(process.execPath, [CLI, '--user', 'nobody', '--issuer', issuer.url]).catch(
      (error: unknown) => error,
    )
    expect(failed).toMatchObject({ code: 1, stderr: expect.stringContaining(issuer.url) })
  })
})
