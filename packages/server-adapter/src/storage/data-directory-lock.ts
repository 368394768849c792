import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { VereinskitError } from '@vereinskit/core'

/** True while a process with this id runs on this machine. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Takes the data directory for this process: PGlite is one embedded database, and two servers writing one folder
 * lose data silently. A second start fails with `DATA_DIRECTORY_LOCKED` naming the process that holds it; a lock
 * left by a process that died is taken over. Returns the release function.
 */
export function lockDataDirectory(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true })
  const file = join(dataDir, 'vereinskit.lock')
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const fd = openSync(file, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      let released = false
      return () => {
        if (released) return
        released = true
        rmSync(file, { force: true })
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const holder = Number(readFileSync(file, 'utf8').trim())
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) {
        throw new VereinskitError(
          'DATA_DIRECTORY_LOCKED',
          `The data directory ${dataDir} is in use by process ${holder}. Stop that server first, or give this one its own data directory.`,
        )
      }
      rmSync(file, { force: true }) // a lock of a process that has ended
    }
  }
  throw new VereinskitError('DATA_DIRECTORY_LOCKED', `Could not lock the data directory ${dataDir}.`)
}
