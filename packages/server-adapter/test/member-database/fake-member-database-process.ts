import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** The fake member database running as a separate process, and how to drive it. */
export interface FakeMemberDatabase {
  readonly url: string
  faults(
    settings: Partial<{ failRate: number; timeoutRate: number; dropRate: number; duplicateRate: number; timeoutMs: number; seed: number }>,
  ): Promise<void>
  state(): Promise<{ records: Record<string, Record<string, unknown>>; applied: Record<string, number>; calls: number }>
  /** Edits made by the member database's own users; a new record belongs to a group (the user name of a link). */
  create(group: string, record: Record<string, unknown>): Promise<string>
  update(id: string, fields: Record<string, unknown>): Promise<void>
  remove(id: string): Promise<void>
  stop(): Promise<void>
}

/** Starts `fake-member-database.mjs` with node and waits until it listens. */
export async function startFakeMemberDatabase(users?: Record<string, { password: string; rights: string }>): Promise<FakeMemberDatabase> {
  const script = fileURLToPath(new URL('./fake-member-database.mjs', import.meta.url))
  const child: ChildProcess = spawn(process.execPath, [script], {
    env: { ...process.env, ...(users && { FAKE_MDB_USERS: JSON.stringify(users) }) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject)
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /LISTENING (\d+)/.exec(chunk.toString())
      if (match) resolve(Number(match[1]))
    })
  })
  const url = `http://127.0.0.1:${port}`
  const admin = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${url}${path}`, { method, ...(body !== undefined && { body: JSON.stringify(body) }) })
    return response.json() as Promise<any>
  }
  return {
    url,
    faults: async (settings) => void (await admin('POST', '/_faults', settings)),
    state: () => admin('GET', '/_state'),
    create: async (group, record) => (await admin('POST', '/_members', { ...record, group })).id,
    update: async (id, fields) => void (await admin('PATCH', `/_members/${encodeURIComponent(id)}`, fields)),
    remove: async (id) => void (await admin('DELETE', `/_members/${encodeURIComponent(id)}`)),
    stop: async () => {
      child.kill()
      await new Promise((resolve) => child.once('exit', resolve))
    },
  }
}
