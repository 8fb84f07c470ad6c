// Events that arrived while the store could not be used (locked beyond the busy timeout,
// or its native addon not installed yet) wait in $TASKTRAIL_HOME/spool/<project>.jsonl,
// one raw event per line, and are applied in order by the next hook that opens the store.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export function spoolPath(home: string, projectKey: string): string {
  // Loaded on first use: node:crypto costs a hook ~10 ms to load, and most hooks find no spool.
  const { createHash } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')
  const name = createHash('sha256').update(projectKey).digest('hex').slice(0, 16)
  return join(home, 'spool', `${name}.jsonl`)
}

/** Whether any project has spooled events: when not, a hook need not work out its spool's name. */
export function anySpooled(home: string): boolean {
  try {
    return readdirSync(join(home, 'spool')).some((name) => name.endsWith('.jsonl'))
  } catch {
    return false
  }
}

/** An event as kept: when tasktrail received it, and the event. */
export interface SpooledEvent {
  receivedAt: string | undefined
  event: unknown
}

/**
 * Appends events as one line each (a single write: O_APPEND keeps concurrent lines whole),
 * each with the time it was received, the time it is recorded at when applied.
 */
export function spool(file: string, events: readonly SpooledEvent[]): void {
  if (events.length === 0) return
  mkdirSync(dirname(file), { recursive: true })
  appendFileSync(file, events.map(({ receivedAt, event }) => JSON.stringify({ received_at: receivedAt, event }) + '\n').join(''))
}

/** A line as written by spool(), or a bare event (a spool written before events kept their time). */
function spooled(value: unknown): SpooledEvent {
  const line = value as { received_at?: unknown; event?: unknown }
  if (line && typeof line === 'object' && 'event' in line && (line.received_at === undefined || typeof line.received_at === 'string')) {
    return { receivedAt: line.received_at as string | undefined, event: line.event }
  }
  return { receivedAt: undefined, event: value }
}

/**
 * Takes the spooled events, leaving the spool empty. The file is first renamed to a name
 * of this process, so two hooks never take the same events.
 */
export function takeSpool(file: string): SpooledEvent[] {
  const taken = `${file}.${process.pid}.taken`
  try {
    renameSync(file, taken)
  } catch {
    return []
  }
  const lines = readFileSync(taken, 'utf8').split('\n').filter((line) => line !== '')
  unlinkSync(taken)
  return lines.flatMap((line) => {
    try {
      return [spooled(JSON.parse(line))]
    } catch {
      return []
    }
  })
}
