// `tasktrail watch`: syncs whenever TASKS.md is saved. chokidar is loaded only here. The
// directory is watched, not the file: a watch on the file goes silent for good after a
// delete and recreate (git checkout, editors that save by rename).
import { basename, join } from 'node:path'
import type { ProjectLocation } from '../project/locate.js'
import type { Repo, Store } from '../store/store.js'
import { readBytes } from './atomic.js'
import { contentHash } from './content-hash.js'
import { findBase } from './bases.js'
import { TASKS_FILE, type SyncReport } from './context.js'
import { readHead } from './head.js'
import { syncProject } from './index.js'

/** Quiet time after the last event before syncing: saves arrive as bursts of events. */
const SETTLE_MS = 30
/** A second look after each sync: events less than ~50 ms apart are coalesced, so the last save may have gone unreported. */
const RECHECK_MS = 250

export interface WatchOptions {
  log: (line: string) => void
  describe: (report: SyncReport) => string
  /** Resolves the watch when aborted (SIGINT, SIGTERM). */
  signal: AbortSignal
  onReady?: () => void
}

export async function watchProject(store: Store, project: ProjectLocation, repo: Repo, options: WatchOptions): Promise<void> {
  const path = join(project.root, TASKS_FILE)
  // Nothing to do for our own writes (the file has the base's hash), nor for the file a
  // sync just refused (until it changes: one log line per refusal, not one per look).
  let refusedHash: string | null | undefined
  const needsSync = (hash: string | null) => {
    const base = findBase(store, project.root, readHead(project.gitDir).branch)
    return !(base !== undefined && hash === base.file_hash) && hash !== refusedHash
  }
  let timer: NodeJS.Timeout | undefined
  let recheck: NodeJS.Timeout | undefined
  let running: Promise<void> = Promise.resolve()
  // Nothing may end the watch but Ctrl-C: a failure or a refusal is one log line (once until
  // it changes, whichever reports it: a file that turns into a directory mid-sync is refused,
  // and on the next look fails to read), and the next save tries again.
  let lastProblem: string | undefined
  const fail = (what: string, message: string) => {
    if (message !== lastProblem) options.log(`${what}: ${message}; the watch goes on`)
    lastProblem = message
  }
  const run = () => {
    running = running.then(async () => {
      try {
        const bytes = readBytes(path)
        const hash = bytes === null ? null : contentHash(bytes)
        if (options.signal.aborted || !needsSync(hash)) return
        const report = await syncProject(store, project, repo, { source: 'file' })
        refusedHash = report.refused ? hash : undefined
        if (report.refused === undefined || report.refused !== lastProblem) options.log(options.describe(report))
        lastProblem = report.refused
      } catch (error) {
        // Looked at again until it succeeds: after TASKS.md was a directory, chokidar may not report the file that replaces it.
        fail('sync failed', (error as Error).message)
      }
      clearTimeout(recheck)
      if (!options.signal.aborted) recheck = setTimeout(run, RECHECK_MS)
    })
  }
  const changed = () => {
    clearTimeout(timer)
    timer = setTimeout(run, SETTLE_MS)
  }
  const { watch } = await import('./chokidar.js')
  const watcher = watch(project.root, {
    depth: 0,
    ignoreInitial: true,
    ignored: (file: string) => file !== project.root && basename(file) !== TASKS_FILE
  })
  watcher.on('add', changed).on('change', changed).on('unlink', changed).on('error', (error) => fail('watching failed', (error as Error).message))
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  run()
  options.onReady?.()
  await new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve()
    options.signal.addEventListener('abort', () => resolve(), { once: true })
  })
  clearTimeout(timer)
  clearTimeout(recheck)
  await watcher.close()
  await running
}
