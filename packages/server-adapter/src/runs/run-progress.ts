/** How far a run has got; kept in memory by the process applying it. */
export interface RunProgress {
  readonly phase: 'unknown' | 'planning' | 'applying' | 'done' | 'failed'
  readonly done: number
  readonly total: number
}

/** Progress of the runs this process is applying, by idempotency key (the key the preview returned). */
export interface RunProgressRegistry {
  get(key: string): RunProgress
  set(key: string, progress: RunProgress): void
}

/** An in-memory registry that forgets finished runs after `keep` entries. */
export function createRunProgressRegistry(keep = 200): RunProgressRegistry {
  const entries = new Map<string, RunProgress>()
  return {
    get: (key) => entries.get(key) ?? { phase: 'unknown', done: 0, total: 0 },
    set(key, progress) {
      entries.delete(key)
      entries.set(key, progress)
      while (entries.size > keep) entries.delete(entries.keys().next().value!)
    },
  }
}
