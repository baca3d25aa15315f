import { INVITATION_KINDS } from '@ey/domain'
import { keys } from '@ey/dynamodb'
import { BatchWriteCommand } from '@ey/dynamodb/client'
import type { SeedDeps } from './seed.ts'

/** DynamoDB's most items in one batch write. */
const BATCH = 25

/**
 * Records every questionnaire invitation as already sent to these demo bookings, so the
 * invitations job emails none of them: demo bookings send no emails (hundreds would go at the
 * first run otherwise). Bookings made on the demo sessions afterwards are invited as usual.
 */
export async function markInvited(
  deps: Pick<SeedDeps, 'doc' | 'tableName'>,
  sessionId: string,
  bookingIds: readonly string[],
  at: Date,
): Promise<void> {
  const items = bookingIds.flatMap((bookingId) =>
    INVITATION_KINDS.map((kind) => ({
      ...keys.sentInvitation(sessionId, bookingId, kind),
      type: 'sent-invitation',
      sessionId,
      bookingId,
      kind,
      at: at.toISOString(),
    })),
  )
  for (let i = 0; i < items.length; i += BATCH) {
    let requests: { PutRequest: { Item: Record<string, unknown> } }[] = items
      .slice(i, i + BATCH)
      .map((Item) => ({ PutRequest: { Item } }))
    // A batch may come back partly unwritten when the table is busy: write the rest again.
    while (requests.length > 0) {
      const { UnprocessedItems } = await deps.doc.send(
        new BatchWriteCommand({ RequestItems: { [deps.tableName]: requests } }),
      )
      requests = (UnprocessedItems?.[deps.tableName] ?? []).flatMap((request) =>
        request.PutRequest?.Item ? [{ PutRequest: { Item: request.PutRequest.Item } }] : [],
      )
    }
  }
}
