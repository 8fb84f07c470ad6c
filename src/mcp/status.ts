// What a running MCP server says of itself, for `tasktrail doctor` and the tests: one small
// file per server process, $TASKTRAIL_HOME/mcp/PID.json, rewritten as it serves and removed
// when it ends. A file whose process is gone (killed) is stale and read as such.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { alive } from '../install/alive.js'

export interface ServerStatus {
  pid: number
  project: string
  started: string
  /** Hook events served, by event name. */
  events: Record<string, number>
  /** Agent tool calls served, by tool. */
  tools: Record<string, number>
  last: string | null
}

export const statusDir = (home: string): string => join(home, 'mcp')

/** A status file is rewritten at most this often after the first count: writing it costs about a millisecond. */
const WRITE_EVERY_MS = 1_000

/** Keeps this process's status file. Never throws: a status is no reason to fail a hook. */
export class StatusFile {
  private readonly status: ServerStatus
  private readonly file: string
  private written = 0
  private pending: NodeJS.Timeout | undefined

  constructor(home: string, project: string) {
    this.status = { pid: process.pid, project, started: new Date().toISOString(), events: {}, tools: {}, last: null }
    this.file = join(statusDir(home), `${process.pid}.json`)
    try {
      mkdirSync(statusDir(home), { recursive: true })
    } catch {
      // Written on the first count, or never.
    }
    this.write()
    // The first count is written at once: doctor shows a server that has begun to serve.
    this.written = 0
  }

  count(kind: 'events' | 'tools', name: string): void {
    this.status[kind][name] = (this.status[kind][name] ?? 0) + 1
    this.status.last = new Date().toISOString()
    const wait = this.written + WRITE_EVERY_MS - Date.now()
    if (wait <= 0) this.write()
    else this.pending ??= setTimeout(() => this.write(), wait).unref()
  }

  remove(): void {
    clearTimeout(this.pending)
    rmSync(this.file, { force: true })
  }

  private write(): void {
    clearTimeout(this.pending)
    this.pending = undefined
    this.written = Date.now()
    try {
      writeFileSync(`${this.file}.tmp`, JSON.stringify(this.status))
      renameSync(`${this.file}.tmp`, this.file)
    } catch {
      // Doctor will say it found none.
    }
  }
}

/** The status of every MCP server running now; files of ended processes are removed. */
export function runningServers(home: string): ServerStatus[] {
  let names: string[]
  try {
    names = readdirSync(statusDir(home)).filter((name) => /^\d+\.json$/.test(name))
  } catch {
    return []
  }
  const found: ServerStatus[] = []
  for (const name of names) {
    const file = join(statusDir(home), name)
    try {
      const status = JSON.parse(readFileSync(file, 'utf8')) as ServerStatus
      if (alive(status.pid)) found.push(status)
      else rmSync(file, { force: true })
    } catch {
      // Being rewritten, or not ours.
    }
  }
  return found
}
