/** Counts attempts per key; the port lets a multi-instance deployment plug in a shared store. */
export interface RateLimiter {
  /** Records one attempt; returns how many seconds to wait if the limit is exceeded, else `undefined`. */
  hit(key: string, now: Date): Promise<number | undefined> | number | undefined
}

/**
 * An in-process fixed-window limiter: at most `limit` attempts per key in each window of `windowSeconds`.
 * Enough for one server process; stale windows are dropped as they are touched and on a size bound.
 */
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
  }
}
