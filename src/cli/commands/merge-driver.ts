// `tasktrail merge-driver %O %A %B %P`: git's merge driver for TASKS.md (installed by
// installMergeDriver in src/sync/git-merge.ts). Exit 0: merged into %A; exit 1: git keeps
// its own conflict.
import { runMergeDriver } from '../../sync/git-merge.js'
import { loadParser } from '../../sync/markdown.js'
import type { Command } from '../command.js'

const mergeDriver: Command = {
  usage: 'merge-driver ANCESTOR OURS THEIRS [PATH]',
  summary: 'git merge driver: merge two versions of TASKS.md by task id (see docs/SYNC.md)',
  positionals: [3, 4],
  options: {},
  async run(invocation) {
    const [ancestor, ours, theirs, shown = 'TASKS.md'] = invocation.positionals as [string, string, string, string?]
    const result = runMergeDriver(await loadParser(), ancestor, ours, theirs)
    if (result.merged === null) {
      invocation.output.err(`tasktrail: ${shown} was not merged by task id (${result.refused}); resolve it as a git conflict`)
      return 1
    }
    for (const c of result.conflicts) invocation.output.err(`tasktrail: ${shown}: ${c.taskId} ${c.field}: ${c.rule}`)
    return 0
  }
}

export default mergeDriver
