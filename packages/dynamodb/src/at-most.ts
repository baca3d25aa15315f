/**
 * Runs `task` on every item, at most `limit` at once, each item once, and resolves when all have
 * finished (rejecting with the first error thrown). Used where round trips to the table overlap.
 */
export async function eachAtMost<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0
  const worker = async () => {
    for (let n = next++; n < items.length; n = next++) await task(items[n] as T, n)
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
