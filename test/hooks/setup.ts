// A real store in a temp dir and the recorded events, for testing adapters in-process.
import { mkdtempSync, realpathSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { HookContext } from '../../src/hooks/context.js'
import { changeFor } from '../../src/hooks/dispatch.js'
import { parseEvent } from '../../src/hooks/event.js'
import type { HookOutput } from '../../src/hooks/output.js'
import { HookState } from '../../src/hooks/state.js'
import { openDatabase } from '../../src/store/open.js'
import { loadParser } from '../../src/sync/markdown.js'
import { Store, type StoredTask } from '../../src/store/store.js'
import type { HostGeneration } from '../e2e/claude.js'
import { readRecording } from '../e2e/recordings.js'

export const RECORDED_ROOT = '/home/dev/nas-monitor'

// The hook entry loads remark when a change needs it and retries (ParserNeeded); applied
// directly here, the change finds it loaded.
await loadParser()

export interface Harness {
  ctx: HookContext
  store: Store
  /** Applies one raw event the way the hook entry does (one transaction). */
  apply(raw: Record<string, unknown>): HookOutput | void
  tasks(): StoredTask[]
  byTitle(title: string): StoredTask
}

export function harness(): Harness {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'tasktrail-hooks-')))
  const store = new Store(openDatabase(join(dir, 'tasks.db')))
  const repo = store.repo(RECORDED_ROOT, RECORDED_ROOT)
  const ctx: HookContext = { store, state: new HookState(store), repo, root: RECORDED_ROOT, cli: 'tasktrail' }
  return {
    ctx,
    store,
    apply(raw) {
      const change = changeFor(parseEvent(raw))
      return change ? store.transaction(() => change(ctx)) : undefined
    },
    tasks: () => store.listTasks({ repoId: repo.id }),
    byTitle(title) {
      const found = store.listTasks({ repoId: repo.id }).filter((t) => t.title === title)
      if (found.length !== 1) throw new Error(`${found.length} tasks titled ${title}`)
      return found[0]!
    }
  }
}

export type RawEvent = Record<string, unknown>

export function recording(host: HostGeneration): RawEvent[] {
  return readRecording(host) as RawEvent[]
}

/** The recorded events up to (not including) the first one matching `stop`. */
export function until(events: RawEvent[], stop: (e: RawEvent) => boolean): RawEvent[] {
  const end = events.findIndex(stop)
  return end < 0 ? events : events.slice(0, end)
}

export const is = (name: string, tool?: string, id?: string) => (e: RawEvent) =>
  e.hook_event_name === name && (tool === undefined || e.tool_name === tool) && (id === undefined || e.tool_use_id === id)

/** A task_context without agent runs' times, which are each store's own clock: two stores' records compare. */
export function untimed(context: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(context, (key, value: unknown) => (key === 'started' || key === 'completed' ? undefined : value))) as Record<string, unknown>
}
