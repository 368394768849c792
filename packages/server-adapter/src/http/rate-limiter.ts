import type { RateLimitStore } from './rate-limit-store'

/** Counts attempts per key; answers how long to wait when the limit is exceeded. */
export interface RateLimiter {
  /** Records one attempt; returns how many seconds to wait if the limit is exceeded, else `undefined`. */
  hit(key: string, now: Date): Promise<number | undefined> | number | undefined
  /** Without counting: how many seconds to wait if one more attempt would exceed the limit, else `undefined`. */
  spent(key: string, now: Date): Promise<number | undefined> | number | undefined
}

/**
 * A fixed-window limiter over a shared store: at most `limit` attempts per key in each window of `windowSeconds`.
 * With the PostgreSQL store every server instance on the database counts the same attempts.
 */
export function createRateLimiter(store: RateLimitStore, options: { limit: number; windowSeconds: number }): RateLimiter {
  return {
    async hit(key, now) {
      const { count, startedAt } = await store.hit(key, now, options.windowSeconds)
      if (count <= options.limit) return undefined
      return Math.max(1, Math.ceil((startedAt.getTime() + options.windowSeconds * 1000 - now.getTime()) / 1000))
    },
    async spent(key, now) {
      const { count, startedAt } = await store.peek(key, now, options.windowSeconds)
      if (count < options.limit) return undefined
      return Math.max(1, Math.ceil((startedAt.getTime() + options.windowSeconds * 1000 - now.getTime()) / 1000))
    },
  }
}

/** An in-process limiter for tests and single-process tools; a deployment uses the shared one (the default). */
export function createMemoryRateLimiter(options: { limit: number; windowSeconds: number; maxKeys?: number }): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>()
  const maxKeys = options.maxKeys ?? 10_000
  return {
    hit(key, now) {
      const time = now.getTime()
      const windowMs = options.windowSeconds * 1000
      let entry = windows.get(key)
      if (!entry || time - entry.startedAt >= windowMs) {
        if (windows.size >= maxKeys) {
          for (const [k, w] of windows) if (time - w.startedAt >= windowMs) windows.delete(k)
          if (windows.size >= maxKeys) windows.delete(windows.keys().next().value!)
        }
        entry = { startedAt: time, count: 0 }
        windows.set(key, entry)
      }
      entry.count += 1
      if (entry.count <= options.limit) return undefined
      return Math.max(1, Math.ceil((entry.startedAt + windowMs - time) / 1000))
    },
    spent(key, now) {
      const entry = windows.get(key)
      const windowMs = options.windowSeconds * 1000
      if (!entry || now.getTime() - entry.startedAt >= windowMs || entry.count < options.limit) return undefined
      return Math.max(1, Math.ceil((entry.startedAt + windowMs - now.getTime()) / 1000))
    },
  }
}
