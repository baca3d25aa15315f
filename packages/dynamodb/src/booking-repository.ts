import {
  AlreadyBookedError,
  type Booking,
  type BookingRepository,
  DomainError,
  type IdempotencyRequest,
  type LaSharingEvent,
  type PlaceBookingRequest,
  type PlaceBookingResult,
  RepositoryError,
  ServiceBusyError,
  type Session,
  type StatusChange,
  transitionEffects,
  WaitingListFullError,
} from '@ey/domain'
import {
  ConditionalCheckFailedException,
  type DocumentClient,
  GetCommand,
  QueryCommand,
  UpdateCommand,
} from './client/index.ts'
import { placeLookWrites } from './invitation-store.ts'
import {
  bookingItem,
  IDEMPOTENCY_RETENTION_DAYS,
  offerDueKeys,
  outboxItem,
  sessionItem,
  ttlAfterDays,
} from './items.ts'
import { keys } from './keys.ts'
import { queryDue, queryPages } from './query.ts'
import { DEFAULT_RETRY, type RetryPolicy, withConflictRetry } from './retry.ts'
import { type Cancellation, failed, transact } from './transactions.ts'

export interface DynamoRepositoryOptions {
  doc: DocumentClient
  tableName: string
  retry?: RetryPolicy
}

// Positions of the items in a booking transaction, used to read its cancellation reasons.
const SESSION = 0
const PERSON = 1
const IDEMPOTENCY = 3

/**
 * The booking engine on DynamoDB. Capacity lives in the session item's counters and every write
 * changes them in the same transaction as the booking, conditionally, so no interleaving of
 * requests can hold more places than the session has.
 */
export function createDynamoBookingRepository(options: DynamoRepositoryOptions): BookingRepository {
  const { doc, tableName } = options
  const retry = options.retry ?? DEFAULT_RETRY

  async function get(key: { pk: string; sk: string }) {
    const { Item } = await doc.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))
    return Item
  }

  async function getBooking(id: string): Promise<Booking | undefined> {
    const item = await get(keys.booking(id))
    return item ? bookingItem.from(item) : undefined
  }

  async function findReplay(
    sessionId: string,
    idempotency: IdempotencyRequest,
  ): Promise<Booking | undefined> {
    const record = await get(keys.idempotency(sessionId, idempotency.key))
    if (!record) return undefined
    if (record.fingerprint !== idempotency.fingerprint) throw new DomainError('idempotency-key-reused')
    return getBooking(String(record.bookingId))
  }

  /** The items every new booking writes, whatever its status. */
  function bookingWrites(
    request: PlaceBookingRequest,
    booking: Booking,
    outbox: PlaceBookingRequest['outbox']['confirmed'],
  ) {
    const { idempotency } = request
    return [
      {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.sessionPerson(booking.sessionId, booking.emailKey),
            type: 'person-lock',
            bookingId: booking.id,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
        },
      },
      {
        Put: {
          TableName: tableName,
          Item: bookingItem.to(booking),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.idempotency(booking.sessionId, idempotency.key),
            type: 'idempotency',
            bookingId: booking.id,
            fingerprint: idempotency.fingerprint,
            expiresAt: ttlAfterDays(IDEMPOTENCY_RETENTION_DAYS, new Date(booking.createdAt)),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      ...(outbox ? [{ Put: { TableName: tableName, Item: outboxItem.to(outbox) } }] : []),
    ]
  }

  /** Turns the condition that stopped a booking into its answer, or 'full' when it should wait. */
  async function outcomeOf(
    request: PlaceBookingRequest,
    cancellation: Cancellation,
  ): Promise<PlaceBookingResult | 'full'> {
    if (failed(cancellation, IDEMPOTENCY)) {
      const replay = await findReplay(request.booking.sessionId, request.idempotency)
      if (replay) return { booking: replay, replayed: true }
    }
    if (failed(cancellation, PERSON)) {
      const held = cancellation.items[PERSON]?.bookingId
      if (typeof held !== 'string') throw new DomainError('already-booked')
      throw new AlreadyBookedError(held)
    }
    if (failed(cancellation, SESSION)) {
      const session = cancellation.items[SESSION]
      if (!session) throw new DomainError('session-not-found')
      if (session.status === 'cancelled') throw new DomainError('session-cancelled')
      if (session.status !== 'published') throw new DomainError('session-not-published')
      return 'full'
    }
    throw new DomainError('invalid-transition', 'The booking could not be written.')
  }

  async function confirm(request: PlaceBookingRequest): Promise<PlaceBookingResult | 'full'> {
    const booking: Booking = {
      ...request.booking,
      status: 'confirmed',
      history: [event(request.booking, 'confirmed')],
    }
    const cancellation = await transact(doc, [
      {
        Update: {
          TableName: tableName,
          Key: keys.session(booking.sessionId),
          UpdateExpression: 'SET heldCount = heldCount + :one, updatedAt = :now',
          ConditionExpression: '#status = :published AND heldCount < #capacity AND waitingCount = :zero',
          ExpressionAttributeNames: { '#status': 'status', '#capacity': 'capacity' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':zero': 0,
            ':published': 'published',
            ':now': booking.createdAt,
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      ...bookingWrites(request, booking, request.outbox.confirmed),
      ...placeLookWrites(tableName, undefined, booking),
    ])
    return cancellation ? outcomeOf(request, cancellation) : { booking, replayed: false }
  }

  async function nextTicket(sessionId: string): Promise<number> {
    const { Attributes } = await doc.send(
      new UpdateCommand({
        TableName: tableName,
        Key: keys.waitlistCounter(sessionId),
        UpdateExpression: 'ADD lastTicket :one SET #type = :type',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':one': 1, ':type': 'waitlist-counter' },
        ReturnValues: 'UPDATED_NEW',
      }),
    )
    return Number(Attributes?.lastTicket)
  }

  async function joinWaitlist(request: PlaceBookingRequest, ticket: number): Promise<PlaceBookingResult> {
    const booking: Booking = {
      ...request.booking,
      status: 'waiting',
      waitlistTicket: ticket,
      history: [event(request.booking, 'waiting')],
    }
    const cancellation = await transact(doc, [
      {
        Update: {
          TableName: tableName,
          Key: keys.session(booking.sessionId),
          UpdateExpression: 'SET waitingCount = waitingCount + :one, updatedAt = :now',
          ConditionExpression:
            request.maxWaiting === undefined
              ? '#status = :published'
              : '#status = :published AND waitingCount < :maxWaiting',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':published': 'published',
            ':now': booking.createdAt,
            ...(request.maxWaiting === undefined ? {} : { ':maxWaiting': request.maxWaiting }),
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      ...bookingWrites(request, booking, request.outbox.waiting),
      {
        Put: {
          TableName: tableName,
          Item: { ...keys.queueEntry(booking.sessionId, ticket), type: 'queue-entry', bookingId: booking.id },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ])
    if (!cancellation) return { booking, replayed: false }
    // A full list answers before "already booked" does, so it never tells who holds a booking.
    const session = failed(cancellation, SESSION) ? cancellation.items[SESSION] : undefined
    if (
      request.maxWaiting !== undefined &&
      session?.status === 'published' &&
      Number(session.waitingCount) >= request.maxWaiting &&
      !failed(cancellation, IDEMPOTENCY)
    ) {
      throw new WaitingListFullError(request.maxWaiting)
    }
    const outcome = await outcomeOf(request, cancellation)
    if (outcome === 'full')
      throw new DomainError('invalid-transition', 'The waiting list could not be joined.')
    return outcome
  }

  async function placeBooking(request: PlaceBookingRequest): Promise<PlaceBookingResult> {
    let ticket: number | undefined
    const result = await withConflictRetry(retry, async () => {
      if (request.expected !== 'wait') {
        const confirmed = await confirm(request)
        if (confirmed !== 'full') return confirmed
      }
      ticket ??= await nextTicket(request.booking.sessionId)
      return joinWaitlist(request, ticket)
    })
    if (!result) throw new ServiceBusyError(1)
    return result
  }

  async function changeStatus(change: StatusChange): Promise<Booking> {
    const result = await withConflictRetry(retry, async () => {
      const booking = await getBooking(change.bookingId)
      if (!booking) throw new DomainError('booking-not-found')
      if (booking.status !== change.from) {
        throw new DomainError('invalid-transition', `The booking is ${booking.status}, not ${change.from}.`)
      }
      const effects = transitionEffects(change.from, change.to)
      const at = change.at.toISOString()
      const entry = { at, from: change.from, to: change.to, by: change.by }
      const offerExpiresAt = change.to === 'offered' ? change.offerExpiresAt?.toISOString() : undefined
      const counters = effects.heldDelta !== 0 || effects.waitingDelta !== 0
      const { offerExpiresAt: _previous, ...rest } = booking
      const changed = {
        ...rest,
        status: change.to,
        updatedAt: at,
        history: [...booking.history, entry],
        ...(offerExpiresAt ? { offerExpiresAt } : {}),
      } as Booking
      const cancellation = await transact(doc, [
        {
          Update: {
            TableName: tableName,
            Key: keys.booking(booking.id),
            ...statusUpdate(change, booking, { at, entry, offerExpiresAt }),
          },
        },
        ...(counters
          ? [
              {
                Update: {
                  TableName: tableName,
                  Key: keys.session(booking.sessionId),
                  UpdateExpression:
                    'SET heldCount = heldCount + :dh, waitingCount = waitingCount + :dw, updatedAt = :at',
                  ...(effects.heldDelta > 0
                    ? {
                        ConditionExpression: 'heldCount < #capacity',
                        ExpressionAttributeNames: { '#capacity': 'capacity' },
                      }
                    : {}),
                  ExpressionAttributeValues: {
                    ':dh': effects.heldDelta,
                    ':dw': effects.waitingDelta,
                    ':at': at,
                  },
                },
              },
            ]
          : []),
        ...(effects.leavesQueue && booking.waitlistTicket
          ? [
              {
                Delete: {
                  TableName: tableName,
                  Key: keys.queueEntry(booking.sessionId, booking.waitlistTicket),
                },
              },
            ]
          : []),
        ...(effects.releasesPerson
          ? [
              {
                Delete: {
                  TableName: tableName,
                  Key: keys.sessionPerson(booking.sessionId, booking.emailKey),
                  ConditionExpression: 'bookingId = :id',
                  ExpressionAttributeValues: { ':id': booking.id },
                },
              },
            ]
          : []),
        ...(change.outbox ? [{ Put: { TableName: tableName, Item: outboxItem.to(change.outbox) } }] : []),
        ...placeLookWrites(tableName, booking, changed),
      ])
      if (cancellation) {
        throw new DomainError('invalid-transition', 'The booking changed, or no place is free; try again.')
      }
      return changed
    })
    if (!result) throw new ServiceBusyError(1)
    return result
  }

  async function firstWaiting(sessionId: string): Promise<Booking | undefined> {
    const { Items } = await doc.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :wait)',
        ExpressionAttributeValues: { ':pk': keys.session(sessionId).pk, ':wait': keys.queueEntryPrefix },
        ConsistentRead: true,
        Limit: 1,
      }),
    )
    const entry = Items?.[0]
    return entry ? getBooking(String(entry.bookingId)) : undefined
  }

  async function waitlistPosition(booking: Booking): Promise<number | undefined> {
    if (booking.status !== 'waiting' || !booking.waitlistTicket) return undefined
    let count = 0
    const pages = queryPages(options, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :mine',
      ExpressionAttributeValues: {
        ':pk': keys.session(booking.sessionId).pk,
        ':first': keys.queueEntryPrefix,
        ':mine': keys.queueEntry(booking.sessionId, booking.waitlistTicket).sk,
      },
      Select: 'COUNT',
      ConsistentRead: true,
    })
    for await (const page of pages) count += page.Count ?? 0
    return count
  }

  async function getSession(id: string): Promise<Session | undefined> {
    const item = await get(keys.session(id))
    return item ? sessionItem.from(item) : undefined
  }

  async function offersDueBy(now: Date): Promise<Booking[]> {
    return (await queryDue(options, 'offer', now)).map((item) => bookingItem.from(item))
  }

  /**
   * The answer and its history change in one UpdateItem on the booking item, which is also the
   * entry the LA's index (gsi3) lists, so no other copy is left saying the old answer.
   */
  async function changeLaSharing(bookingId: string, entry: LaSharingEvent): Promise<Booking> {
    try {
      const { Attributes } = await doc.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keys.booking(bookingId),
          UpdateExpression:
            'SET person.shareWithLa = :agreed, updatedAt = :at, ' +
            'laSharing = list_append(if_not_exists(laSharing, :none), :entry)',
          ConditionExpression: 'attribute_exists(pk) AND person.shareWithLa = :was',
          ExpressionAttributeValues: {
            ':agreed': entry.agreed,
            ':was': !entry.agreed,
            ':at': entry.at,
            ':none': [],
            ':entry': [entry],
          },
          ReturnValues: 'ALL_NEW',
        }),
      )
      return bookingItem.from(Attributes ?? {})
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) {
        throw new RepositoryError('Sharing change failed', error)
      }
      throw new DomainError('invalid-transition', 'The booking changed meanwhile; reload it and try again.')
    }
  }

  return {
    getSession,
    getBooking,
    placeBooking,
    findReplay,
    changeStatus,
    firstWaiting,
    waitlistPosition,
    offersDueBy,
    changeLaSharing,
  }
}

/**
 * The booking's part of a transition: status, history and, with an offer, its deadline and the
 * gsi4 keys that list it as due then. Leaving `offered` removes all three in the same write, so
 * the index never lists an offer that was answered, expired or cancelled.
 */
function statusUpdate(
  change: StatusChange,
  booking: Booking,
  values: { at: string; entry: Booking['history'][number]; offerExpiresAt: string | undefined },
) {
  const due = offerDueKeys({ id: booking.id, status: change.to, offerExpiresAt: values.offerExpiresAt })
  const sets = ['#status = :to', 'updatedAt = :at', 'history = list_append(history, :entry)']
  if (due) sets.push('offerExpiresAt = :expires', 'duePk = :duePk', 'dueSk = :dueSk')
  const removes = change.from === 'offered' ? ' REMOVE offerExpiresAt, duePk, dueSk' : ''
  return {
    UpdateExpression: `SET ${sets.join(', ')}${removes}`,
    ConditionExpression: '#status = :from',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':to': change.to,
      ':from': change.from,
      ':at': values.at,
      ':entry': [values.entry],
      ...(due ? { ':expires': values.offerExpiresAt, ':duePk': due.duePk, ':dueSk': due.dueSk } : {}),
    },
  }
}

function event(booking: Booking, to: Booking['status']) {
  return { at: booking.createdAt, from: null, to, by: 'participant' }
}
