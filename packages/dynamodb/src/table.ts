/**
 * The one definition of the table: the CDK construct, the local stack and the tests all build
 * the table from this object, so keys and indexes cannot drift apart.
 */
export const TABLE = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Items with this attribute (epoch seconds) are deleted by DynamoDB's TTL. */
  timeToLiveAttribute: 'expiresAt',
  stream: 'NEW_AND_OLD_IMAGES',
  indexes: [
    /** Collections: published sessions by month and start, a session's register, the catalogue. */
    { name: 'gsi1', partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    /** One person's bookings (by hashed normalised email), by session start. */
    { name: 'gsi2', partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
    /**
     * One LA's bookings, by session start: the LA reports read only their own partition. Also the
     * parts of published sessions on one London date (`DAY#<date>`), for the trainers' digests.
     */
    { name: 'gsi3', partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
    /**
     * Work that falls due (sparse): an item carries `duePk` = `DUE#<kind>` and `dueSk` =
     * `<ISO instant>#<id>` while something must happen to it at that instant, and loses both once
     * it is done, so a job reads only what is still to do, however long it was down.
     */
    { name: 'gsi4', partitionKey: 'duePk', sortKey: 'dueSk' },
  ],
} as const

export type TableDefinition = typeof TABLE
