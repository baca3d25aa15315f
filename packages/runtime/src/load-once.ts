/**
 * `load` run on the first call only, its promise shared by every later call; a failed load runs again
 * on the next call. For adapters made on first use: their module is imported with `import()` inside
 * `load`, so its SDK client is bundled into a chunk that a cold start does not load.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined
  return () => {
    loading ??= load().catch((error: unknown) => {
      loading = undefined
      throw error
    })
    return loading
  }
}
