// The WebAssembly word loop hashes as the JavaScript loop it replaced did, so the hashes kept
// in stores made before it still match their files.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { expect, it } from 'vitest'
import { contentHash } from '../../src/sync/content-hash.js'
import { CLI, sandbox } from '../helpers/cli.js'

/** The loop as it was in JavaScript (words read little-endian, as on every machine we run). */
function reference(bytes: Uint8Array): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const count = bytes.length >> 2
  let tail = 0
  for (let i = count * 4; i < bytes.length; i++) tail = (tail << 8) | bytes[i]!
  let a = 0x811c9dc5
  let b = 0x9747b28c
  for (let i = 0; i < (bytes.length % 4 ? count + 1 : count); i++) {
    const word = i < count ? view.getInt32(i * 4, true) : tail
    a = Math.imul(a ^ word, 0x01000193)
    a ^= a >>> 15
    b = Math.imul(b ^ word, 0x5bd1e995)
    b ^= b >>> 13
  }
  return `${bytes.length.toString(36)}.${(a >>> 0).toString(36)}.${(b >>> 0).toString(36)}`
}

it('keeps the hash of a file hashed before', () => {
  // Computed by the JavaScript loop of the previous releases.
  expect(contentHash(Buffer.from('# Tasks\n\n- [ ] one <!-- t-0000001 -->\n'))).toBe('12.vxghyq.1e665o8')
  expect(contentHash(new Uint8Array())).toBe('0.ztntfp.15z3edo')
})

it('hashes as the JavaScript loop did: any length, any offset, files larger than the memory it had', () => {
  const sizes = [1, 2, 3, 4, 5, 7, 8, 63, 64, 65, 1000, 65535, 65536, 65537, 200_003, 70_000, 16]
  for (const size of sizes) {
    const bytes = randomBytes(size + 3)
    for (const offset of [0, 1, 2, 3]) {
      const view = bytes.subarray(offset, offset + size)
      expect(contentHash(view), `${size} bytes at offset ${offset}`).toBe(reference(view))
    }
  }
})

it('tells files apart that differ in one byte', () => {
  const bytes = Buffer.from('- [ ] a task <!-- t-0000001 -->\n'.repeat(100))
  const changed = Buffer.from(bytes)
  changed[3] = 0x78
  expect(contentHash(changed)).not.toBe(contentHash(bytes))
})

it('hashes the same without WebAssembly (node --jitless), in the real CLI', () => {
  const box = sandbox()
  const run = spawnSync(process.execPath, ['--jitless', CLI, 'add', 'written without WebAssembly'], { cwd: box.project, env: box.env, encoding: 'utf8' })
  expect(run.status, run.stderr).toBe(0)
  const db = new Database(join(box.env.TASKTRAIL_HOME!, 'tasks.db'), { readonly: true })
  const { file_hash } = db.prepare('SELECT file_hash FROM sync_bases').get() as { file_hash: string }
  db.close()
  expect(file_hash).toBe(contentHash(readFileSync(join(box.project, 'TASKS.md'))))
})
