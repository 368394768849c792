import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/**
 * The fake national member database the tests run, as a process of its own: a small REST service with one member
 * list per local group (its login). The example talks to it as it would to the real one.
 */
export async function startNationalDatabase(): Promise<{
  url: string
  edit(path: string, method: string, body?: unknown): Promise<any>
  stop(): void
}> {
  const script = fileURLToPath(new URL('../../packages/server-adapter/test/member-database/fake-member-database.mjs', import.meta.url))
  const child: ChildProcess = spawn(process.execPath, [script], { stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<number>((resolve) =>
    child.stdout!.on('data', (chunk: Buffer) => {
      const match = /LISTENING (\d+)/.exec(chunk.toString())
      if (match) resolve(Number(match[1]))
    }),
  )
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    // The national database's own users at work (its admin API).
    async edit(path, method, body) {
      const response = await fetch(`${url}${path}`, { method, ...(body !== undefined && { body: JSON.stringify(body) }) })
      return response.json()
    },
    stop: () => void child.kill(),
  }
}
