import { unmarshall } from '@aws-sdk/util-dynamodb'
import { RepositoryError } from '@ey/domain'
import {
  type DocumentClient,
  TransactionCanceledException,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from './client/index.ts'
import { RetryableConflict } from './retry.ts'

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number]

/** Why each item of a cancelled transaction failed, by position ('None' when it did not). */
export interface Cancellation {
  codes: string[]
  /** The item as it was, where the condition asked for it (ALL_OLD). */
  items: (Record<string, unknown> | undefined)[]
}

/**
 * Runs a transaction. A cancellation with a condition failure comes back as a `Cancellation`
 * for the caller to translate into a domain outcome; a conflict with another transaction throws
 * `RetryableConflict`; anything else becomes a `RepositoryError` with its cause.
 */
export async function transact(
  doc: DocumentClient,
  items: TransactItem[],
  clientRequestToken?: string,
): Promise<Cancellation | undefined> {
  try {
    await doc.send(
      new TransactWriteCommand({
        TransactItems: items,
        ...(clientRequestToken ? { ClientRequestToken: clientRequestToken } : {}),
      }),
    )
    return undefined
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) {
      if (isConflictError(error)) throw new RetryableConflict(error)
      throw new RepositoryError('Transaction failed', error)
    }
    const reasons = error.CancellationReasons ?? []
    const codes = items.map((_, i) => reasons[i]?.Code ?? 'None')
    if (codes.some((code) => RETRYABLE_REASONS.has(code))) throw new RetryableConflict(error)
    if (!codes.includes('ConditionalCheckFailed')) throw new RepositoryError('Transaction cancelled', error)
    return {
      codes,
      items: items.map((_, i) => {
        const item = reasons[i]?.Item
        return item ? unmarshall(item as Parameters<typeof unmarshall>[0]) : undefined
      }),
    }
  }
}

/** Cancellation reasons that a later attempt may not meet: another transaction, or throttling. */
const RETRYABLE_REASONS = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded'])

/**
 * Failures worth another attempt: a conflicting transaction, or throttling that outlasted the
 * SDK's own retries (the table's or the account's throughput).
 */
const RETRYABLE_ERRORS = new Set([
  'TransactionConflictException',
  'TransactionInProgressException',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
])

function isConflictError(error: unknown): boolean {
  return RETRYABLE_ERRORS.has(String((error as { name?: string } | undefined)?.name))
}

/** Whether the item at `index` failed its condition. */
export function failed(cancellation: Cancellation, index: number): boolean {
  return cancellation.codes[index] === 'ConditionalCheckFailed'
}
