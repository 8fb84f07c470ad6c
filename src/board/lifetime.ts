// How long a board lives. Started by hand in a terminal, until Ctrl-C. Started for a Claude
// Code session (/tasktrail:board passes the session's process as --owner), it runs in the
// background only while that process does, so it never outlives the session that asked for
// it; asking again in the same session gives the same board.
import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { alive } from '../install/alive.js'

/** How often a background board checks that its session is still there. */
const OWNER_CHECK_MS = 1_000

/** Resolves when `pid` has ended or the signal aborts. */
export function ownerGone(pid: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      if (!alive(pid)) done()
    }, OWNER_CHECK_MS)
    const done = () => {
      clearInterval(timer)
      resolve()
    }
    signal.addEventListener('abort', done, { once: true })
  })
}

/** Where a background board of one session and project says where it listens (only its user can read it). */
export function boardRecord(home: string, owner: number, root: string): string {
  const dir = join(home, 'boards')
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  return join(dir, `${createHash('sha256').update(`${owner}\0${root}`).digest('hex').slice(0, 16)}.json`)
}

export interface BoardRecord {
  pid: number
  url: string
}

/** The board already running for this session and project, if any. */
export function runningBoard(file: string): BoardRecord | undefined {
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as BoardRecord
    return alive(record.pid) ? record : undefined
  } catch {
    return undefined
  }
}

export function keepRecord(file: string, record: BoardRecord): () => void {
  writeFileSync(file, JSON.stringify(record), { mode: 0o600 })
  return () => rmSync(file, { force: true })
}
