// `tasktrail sync`: one sync of the current project's TASKS.md with the store. Also the
// helper through which every mutating command writes its change to TASKS.md.
import { syncProject, withProjectSync, type SyncReport } from '../../sync/index.js'
import type { Command, Invocation } from '../command.js'
import type { Context } from '../context.js'
import { openContext } from '../context.js'
import { printJson, type Output } from '../output.js'

export function describeReport(report: SyncReport): string {
  if (report.refused) return `sync refused: ${report.refused}`
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`
  return `synced: ${plural(report.imported, 'edit')} imported, ${plural(report.written, 'change')} written, ${plural(report.conflicts.length, 'conflict')} resolved`
}

/** One line per conflict a sync settled: the task, the field and the rule that decided. */
function describeConflicts(report: SyncReport): string[] {
  return report.conflicts.map((c) => `  ${c.taskId} ${c.field}: ${c.rule}`)
}

/**
 * Runs a command's store change and writes it to TASKS.md; a refused sync is a warning, the
 * change stands. A hand edit of the same task, merged in the same sync, can settle the
 * change otherwise (a box ticked by hand outranks a start): the command says so, as sync does.
 */
export async function changeAndSync<T>(context: Context, output: Output, change: () => T): Promise<T> {
  const { result, report } = await withProjectSync(context.store, context.project, context.repo, change, { source: 'cli' })
  if (report.refused) output.err(`tasktrail: the change is saved in the store, but TASKS.md was not updated: ${report.refused}`)
  if (report.conflicts.length) {
    const count = report.conflicts.length === 1 ? 'a conflict' : `${report.conflicts.length} conflicts`
    output.err([`tasktrail: TASKS.md was edited by hand too; the sync settled ${count}:`, ...describeConflicts(report)].join('\n'))
  }
  return result
}

/**
 * What a reading command (list, show, status, export, report) acts on, after taking in
 * TASKS.md: hand edits and a fresh clone's file are in what it prints. A refused sync is a
 * warning, and the command shows the store as it is.
 */
export async function openSyncedContext(invocation: Invocation): Promise<Context> {
  const context = openContext(invocation)
  const report = await syncProject(context.store, context.project, context.repo, { source: 'cli' })
  if (report.refused) invocation.output.err(`tasktrail: TASKS.md was not read, so this shows the store alone: ${report.refused}`)
  return context
}

const sync: Command = {
  usage: 'sync [--force] [--json]',
  summary: "bring the store and the project's TASKS.md to the same state",
  positionals: [0, 0],
  options: { force: { type: 'boolean' }, json: { type: 'boolean' } },
  async run(invocation) {
    const context = openContext(invocation)
    const report = await syncProject(context.store, context.project, context.repo, { source: 'cli', force: invocation.values.force === true })
    if (invocation.values.json) printJson(invocation.output, report)
    else {
      invocation.output.out(describeReport(report))
      for (const line of describeConflicts(report)) invocation.output.out(line)
    }
    return report.refused ? 1 : 0
  }
}

export default sync
