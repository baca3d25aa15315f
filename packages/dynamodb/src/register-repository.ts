import {
  AttendanceCodeSchema,
  type AuditEntry,
  AuditEntrySchema,
  emptyRegisterPart,
  normaliseEmail,
  type RegisterEntry,
  RegisterEntrySchema,
  type RegisterPart,
  RegisterPartSchema,
  type RegisterRepository,
  type RegisterWrite,
  type Session,
  sessionStart,
  type WalkIn,
  WalkInSchema,
} from '@ey/domain'
import { batchGet } from './batch-get.ts'
import { type DocumentClient, GetCommand, type TransactWriteCommandInput } from './client/index.ts'
import { bookingItem, sessionItem } from './items.ts'
import { indexKeys, keys } from './keys.ts'
import { queryAll, queryIndex, queryPrefix } from './query.ts'
import { DEFAULT_RETRY, RetryableConflict, type RetryPolicy } from './retry.ts'
import { transact } from './transactions.ts'

export interface RegisterRepositoryOptions {
  doc: DocumentClient
  tableName: string
  /** How often keys a BatchGet leaves unprocessed are asked for again. */
  retry?: RetryPolicy
}

type Item = Record<string, unknown>
type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number]

/** DynamoDB's limit on the items of one TransactWriteItems call. */
const TRANSACTION_LIMIT = 100

/** What the items of one part say, before they are put together with a legacy item. */
interface PartItems {
  head?: { code?: RegisterPart['code']; reopenedUntil?: string; version: number }
  lines: Map<string, { entry: RegisterEntry; version: number }>
  walkIns: { walkIn: WalkIn; at: string; written: number; seq: number }[]
  audit: { entry: AuditEntry; written: number; seq: number }[]
}

const emptyItems = (): PartItems => ({ lines: new Map(), walkIns: [], audit: [] })

/** Sorts one register item into the part's items; the part is read from the item itself. */
function collect(parts: Map<number, PartItems>, item: Item): void {
  const part = Number(item.part)
  const into = parts.get(part) ?? emptyItems()
  parts.set(part, into)
  if (item.type === 'register-head') {
    into.head = {
      ...(item.code ? { code: AttendanceCodeSchema.parse(item.code) } : {}),
      ...(item.reopenedUntil ? { reopenedUntil: String(item.reopenedUntil) } : {}),
      version: Number(item.version),
    }
  } else if (item.type === 'register-line') {
    into.lines.set(String(item.subject), {
      entry: RegisterEntrySchema.parse(item.entry),
      version: Number(item.version),
    })
  } else if (item.type === 'register-walk-in') {
    into.walkIns.push({
      walkIn: WalkInSchema.parse(item.walkIn),
      at: String(item.at),
      written: Number(item.written ?? 0),
      seq: Number(item.seq),
    })
  } else if (item.type === 'register-audit') {
    into.audit.push({
      entry: AuditEntrySchema.parse(item.entry),
      written: Number(item.written ?? 0),
      seq: Number(item.seq),
    })
  }
}

/** A part's register as a legacy single item (`ATTENDANCE#<part>`) holds it. */
export function legacyFrom(item: Item): RegisterPart {
  const { pk: _pk, sk: _sk, type: _type, ...rest } = item
  return RegisterPartSchema.parse(rest)
}

/**
 * One part's register from its items over what a legacy single item holds (lines written since
 * replace its entries; its walk-ins and audit come first). Walk-ins and audit entries are in the
 * order they were recorded: by time, then (changes made at one instant) by when they were written
 * and their place in the write.
 */
function assemble(sessionId: string, part: number, items: PartItems, legacy?: RegisterPart): RegisterPart {
  const base = legacy ?? emptyRegisterPart(sessionId, part)
  const state = items.head ?? base
  const legacyWalkIns = new Set(base.walkIns.map((walkIn) => walkIn.id))
  const legacyKeys = new Set(base.audit.map((entry) => entry.key))
  const walkIns = items.walkIns
    .filter(({ walkIn }) => !legacyWalkIns.has(walkIn.id))
    .sort(
      (a, b) =>
        a.at.localeCompare(b.at) ||
        a.written - b.written ||
        a.seq - b.seq ||
        a.walkIn.id.localeCompare(b.walkIn.id),
    )
  const audit = items.audit
    .filter(({ entry }) => !legacyKeys.has(entry.key))
    .sort(
      (a, b) =>
        a.entry.at.localeCompare(b.entry.at) ||
        a.written - b.written ||
        a.seq - b.seq ||
        a.entry.key.localeCompare(b.entry.key),
    )
  return {
    sessionId,
    part,
    entries: {
      ...base.entries,
      ...Object.fromEntries([...items.lines].map(([subject, { entry }]) => [subject, entry])),
    },
    walkIns: [...base.walkIns, ...walkIns.map(({ walkIn }) => walkIn)],
    audit: [...base.audit, ...audit.map(({ entry }) => entry)],
    ...(state.code ? { code: state.code } : {}),
    ...(state.reopenedUntil ? { reopenedUntil: state.reopenedUntil } : {}),
    version: items.head?.version ?? 0,
  }
}

const unique = (values: readonly string[]) => [...new Set(values)]

/** A put of a versioned item, only while the stored version is still `version` (absent for 0). */
function versionedPut(tableName: string, item: Item, version: number): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: { ...item, version: version + 1 },
      ...(version === 0
        ? { ConditionExpression: 'attribute_not_exists(sk)' }
        : {
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': version },
          }),
    },
  }
}

function newPut(tableName: string, item: Item): TransactItem {
  return { Put: { TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(sk)' } }
}

/**
 * The puts of a write in groups that must land together: the head with the audit entries that
 * name nobody, then per person their line, their walk-in item and their audit entries.
 */
function writeGroups(tableName: string, write: RegisterWrite): TransactItem[][] {
  const { sessionId, part } = write
  const written = Date.now()
  const first: TransactItem[] = []
  const people = new Map<string, { puts: TransactItem[]; audit: TransactItem[] }>()
  const person = (subject: string) => {
    const group = people.get(subject) ?? { puts: [], audit: [] }
    people.set(subject, group)
    return group
  }
  if (write.head) {
    const { version, ...head } = write.head
    const item = { ...keys.registerHead(sessionId, part), type: 'register-head', sessionId, part, ...head }
    first.push(versionedPut(tableName, item, version))
  }
  for (const line of write.lines) {
    const item = {
      ...keys.registerLine(sessionId, part, line.subject),
      type: 'register-line',
      sessionId,
      part,
      subject: line.subject,
      entry: line.entry,
    }
    person(line.subject).puts.push(versionedPut(tableName, item, line.version))
  }
  for (const [seq, walkIn] of write.walkIns.entries()) {
    const at = write.audit.find((entry) => entry.subject === walkIn.id)?.at ?? ''
    const item = {
      ...keys.registerWalkIn(sessionId, part, walkIn.id),
      // Found by its address for subject access; erasure removes these keys with the address.
      ...(walkIn.email
        ? indexKeys.personWalkIns(normaliseEmail(walkIn.email), sessionId, part, walkIn.id)
        : {}),
      type: 'register-walk-in',
      part,
      walkIn,
      at,
      written,
      seq,
    }
    person(walkIn.id).puts.push(newPut(tableName, item))
  }
  for (const [seq, entry] of write.audit.entries()) {
    const item = {
      ...keys.registerAudit(sessionId, part, entry.key),
      type: 'register-audit',
      part,
      entry,
      written,
      seq,
    }
    if (entry.subject === undefined) first.push(newPut(tableName, item))
    else person(entry.subject).audit.push(newPut(tableName, item))
  }
  // A person's audit entries before their line, so a group split over transactions (more than a
  // hundred changes to one person in one write) writes the line with its last changes.
  return [first, ...[...people.values()].map(({ puts, audit }) => [...audit, ...puts])].filter(
    (group) => group.length > 0,
  )
}

/** Groups packed into transactions of at most `TRANSACTION_LIMIT` items; a larger group is split. */
function transactions(groups: TransactItem[][]): TransactItem[][] {
  const out: TransactItem[][] = []
  let current: TransactItem[] = []
  for (const group of groups) {
    for (let i = 0; i < group.length; i += TRANSACTION_LIMIT) {
      const piece = group.slice(i, i + TRANSACTION_LIMIT)
      if (current.length + piece.length > TRANSACTION_LIMIT) {
        out.push(current)
        current = []
      }
      current.push(...piece)
    }
  }
  if (current.length > 0) out.push(current)
  return out
}

/**
 * Registers on DynamoDB as small items in the session's partition, per part: a head (code,
 * reopening), one line per person, one item per walk-in and one audit item per change (keyed by
 * the change's key, so a replayed change cannot be recorded twice). A whole part is read by
 * paging through `REGISTER#<part>#`; a change reads only the items it names. The single items of
 * registers written before the split (`ATTENDANCE#<part>`) are read beneath them, never written.
 */
export function createDynamoRegisterRepository(options: RegisterRepositoryOptions): RegisterRepository {
  const { doc, tableName } = options
  const retry = options.retry ?? DEFAULT_RETRY

  async function sessionsById(ids: string[]): Promise<Session[]> {
    const items = await batchGet(
      options,
      ids.map((id) => keys.session(id)),
      retry,
    )
    return items.map(sessionItem.from)
  }

  async function legacyPart(sessionId: string, part: number): Promise<RegisterPart | undefined> {
    const { Item } = await doc.send(
      new GetCommand({
        TableName: tableName,
        Key: keys.legacyRegisterPart(sessionId, part),
        ConsistentRead: true,
      }),
    )
    return Item ? legacyFrom(Item) : undefined
  }

  return {
    async sessionBookings(sessionId) {
      const items = await queryIndex(options, 'gsi1', indexKeys.registerPk(sessionId))
      return items.map(bookingItem.from)
    },

    async getRegisterPart(sessionId, part) {
      const [items, legacy] = await Promise.all([
        queryPrefix(options, keys.session(sessionId).pk, keys.registerPrefix(part)),
        legacyPart(sessionId, part),
      ])
      if (items.length === 0 && !legacy) return undefined
      const parts = new Map<number, PartItems>()
      for (const item of items) collect(parts, item)
      return assemble(sessionId, part, parts.get(part) ?? emptyItems(), legacy)
    },

    async registerParts(sessionId) {
      const pk = keys.session(sessionId).pk
      const [items, legacyItems] = await Promise.all([
        queryPrefix(options, pk, keys.registerPrefix()),
        queryPrefix(options, pk, keys.legacyRegisterPrefix),
      ])
      const parts = new Map<number, PartItems>()
      for (const item of items) collect(parts, item)
      const legacy = new Map(legacyItems.map((item) => legacyFrom(item)).map((r) => [r.part, r]))
      const numbers = [...new Set([...parts.keys(), ...legacy.keys()])].sort((a, b) => a - b)
      return numbers.map((part) =>
        assemble(sessionId, part, parts.get(part) ?? emptyItems(), legacy.get(part)),
      )
    },

    async registerSlice(sessionId, part, scope) {
      const wanted = [
        keys.registerHead(sessionId, part),
        keys.legacyRegisterPart(sessionId, part),
        // Each key once: BatchGetItem refuses a list with a key twice.
        ...unique(scope.subjects).map((subject) => keys.registerLine(sessionId, part, subject)),
        ...unique(scope.walkIns ?? scope.subjects).map((id) => keys.registerWalkIn(sessionId, part, id)),
        ...unique(scope.keys).map((key) => keys.registerAudit(sessionId, part, key)),
      ]
      const items = await batchGet(options, wanted, retry, { consistent: true })
      const parts = new Map<number, PartItems>()
      let legacy: RegisterPart | undefined
      for (const item of items) {
        if (item.sk === wanted[1]?.sk) legacy = legacyFrom(item)
        else collect(parts, item)
      }
      const own = parts.get(part) ?? emptyItems()
      // Of a legacy item, only what the scope names: the slice stays the size of the change.
      const subjects = new Set(scope.subjects)
      const walkInIds = new Set(scope.walkIns ?? scope.subjects)
      const changeKeys = new Set(scope.keys)
      const named = legacy && {
        ...legacy,
        entries: Object.fromEntries(
          Object.entries(legacy.entries).filter(([subject]) => subjects.has(subject)),
        ),
        walkIns: legacy.walkIns.filter((walkIn) => walkInIds.has(walkIn.id)),
        audit: legacy.audit.filter((entry) => changeKeys.has(entry.key)),
      }
      return {
        register: assemble(sessionId, part, own, named),
        lineVersions: Object.fromEntries([...own.lines].map(([subject, { version }]) => [subject, version])),
      }
    },

    async writeRegister(write) {
      for (const items of transactions(writeGroups(tableName, write))) {
        try {
          if (await transact(doc, items)) return false
        } catch (error) {
          if (error instanceof RetryableConflict) return false
          throw error
        }
      }
      return true
    },

    async trainerSessions(trainerId, { from, to }) {
      // Sort keys are `<start ISO>#<id>`: BETWEEN the two instants holds starts in [from, to).
      const items = await queryAll(options, {
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': indexKeys.trainerSessionsPk(trainerId),
          ':from': from.toISOString(),
          ':to': to.toISOString(),
        },
      })
      const sessions = await sessionsById([...new Set(items.map((item) => String(item.sessionId)))])
      // The index may lag an edit: the session item itself says who runs it and when.
      return sessions
        .filter((session) => session.trainerIds.includes(trainerId))
        .sort((a, b) => sessionStart(a).getTime() - sessionStart(b).getTime() || a.id.localeCompare(b.id))
    },
  }
}
