// `pnpm staff-token -- --user trainer-amira`: signs in to the running local issuer as a demo (or
// invited) staff member and prints the ID token, for curl, scripts and API clients.
import { parseArgs } from 'node:util'
import { DEMO_STAFF } from '../staff/demo-staff.ts'
import { DEFAULT_ISSUER_PORT } from '../staff/issuer.ts'
import { signInAs } from '../staff/sign-in.ts'

const { values } = parseArgs({
  // `pnpm staff-token -- --user x` hands the script a literal `--` first.
  args: process.argv.slice(2).filter((arg) => arg !== '--'),
  options: {
    user: { type: 'string', short: 'u' },
    issuer: {
      type: 'string',
      default: process.env.STAFF_ISSUER ?? `http://127.0.0.1:${DEFAULT_ISSUER_PORT}`,
    },
  },
})

if (!values.user) {
  console.error('Name the staff member: pnpm staff-token -- --user trainer-amira')
  console.error(`Demo staff: ${DEMO_STAFF.map((staff) => staff.username).join(', ')}`)
  process.exit(2)
}

try {
  console.log(await signInAs(values.issuer, values.user))
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error)
  console.error(`Could not get a token from ${values.issuer}: ${reason}`)
  console.error(
    'Is the local stack running (pnpm start)? Started on another port? Pass --issuer http://127.0.0.1:<port>',
  )
  process.exit(1)
}
