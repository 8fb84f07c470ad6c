// The real components the attacks run against: `tasktrail hook` and CLI processes started
// asynchronously (so several run at once), the store read directly, the hook log.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { CLI, type Run, type Sandbox } from '../helpers/cli.js'

/** Runs `tasktrail ARGS` without blocking the test, so processes can overlap. */
export function runAsync(box: Sandbox, args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: box.project, env: { ...box.env, ...options.env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }))
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input ?? '')
  })
}

/** One hook process for one event, for the sandbox's project. */
export function hookAsync(box: Sandbox, event: unknown, env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const input = typeof event === 'string' || Buffer.isBuffer(event) ? event : JSON.stringify(event)
  return runAsync(box, ['hook'], { input, env: { CLAUDE_PROJECT_DIR: box.project, ...env } })
}

export function logLines(box: Sandbox): string[] {
  const file = join(box.env.TASKTRAIL_HOME!, 'hook.log')
  return existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : []
}

export function storeFile(box: Sandbox): string {
  return join(box.env.TASKTRAIL_HOME!, 'tasks.db')
}

/** Every row of every table of the store, to compare before and after an attack. */
export function storeSnapshot(box: Sandbox): string {
  if (!existsSync(storeFile(box))) return '(no store)'
  const db = new Database(storeFile(box), { readonly: true })
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as Array<{ name: string }>
    return JSON.stringify(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]))
  } finally {
    db.close()
  }
}

export function integrityCheck(file: string): string {
  const db = new Database(file, { readonly: true })
  try {
    return (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check).join('\n')
  } finally {
    db.close()
  }
}

/** What a hook may print: nothing, or one JSON object with only the keys Claude Code reads. */
export function isHookOutput(stdout: string): boolean {
  if (stdout === '') return true
  try {
    const value = JSON.parse(stdout) as unknown
    return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).every((k) => k === 'systemMessage' || k === 'hookSpecificOutput')
  } catch {
    return false
  }
}
