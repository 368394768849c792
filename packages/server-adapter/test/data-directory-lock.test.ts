import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { lockDataDirectory } from '../src/storage/data-directory-lock'

describe('one server per PGlite data directory', () => {
  it('refuses a second lock while the first is held, names the holder, and frees it on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-lock-'))
    const release = lockDataDirectory(dir)
    // Another process holds it: pretend with the parent process's id, which is running.
    writeFileSync(join(dir, 'vereinskit.lock'), String(process.ppid))
    expect(() => lockDataDirectory(dir)).toThrowError(
      expect.objectContaining({ code: 'DATA_DIRECTORY_LOCKED', message: expect.stringContaining(String(process.ppid)) }),
    )
    release()
    const again = lockDataDirectory(dir)
    again()
  })

  it('takes over a lock left by a process that has ended', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vk-lock-'))
    writeFileSync(join(dir, 'vereinskit.lock'), '2147483646')
    const release = lockDataDirectory(dir)
    release()
  })
})
