import { DomainError, type StaffDirectory } from '@ey/domain'
import { DEMO_STAFF } from '../staff/demo-staff.ts'

/** Puts the demo staff in the directory; those already there are left as they are. */
export async function seedDemoStaff(directory: StaffDirectory): Promise<void> {
  for (const member of DEMO_STAFF) {
    await directory.add(member).catch((error: unknown) => {
      if (!(error instanceof DomainError && error.code === 'already-exists')) throw error
    })
  }
}
