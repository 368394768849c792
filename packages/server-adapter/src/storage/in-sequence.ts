type Results<T extends readonly (() => Promise<unknown>)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> }

/**
 * Runs loads one after another. Handlers may be given a transaction, which is one connection: parallel queries on
 * it only queue up (and pg 9 will refuse them), so sequential is as fast and always correct.
 */
export async function inSequence<const T extends readonly (() => Promise<unknown>)[]>(...loads: T): Promise<Results<T>> {
  const results: unknown[] = []
  for (const load of loads) results.push(await load())
  return results as Results<T>
}
