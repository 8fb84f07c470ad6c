// The sync engine in-process, on a real project, store and file: what a hook's change costs.
import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { locateProject } from '../../src/project/locate.js'
import { openDatabase } from '../../src/store/open.js'
import { Store } from '../../src/store/store.js'
import { withProjectSync } from '../../src/sync/index.js'
import { add } from '../helpers/cli.js'
import { project, readTasks } from './helpers.js'

describe('withProjectSync', () => {
  it('writes a change TASKS.md does not show (a file modified) only into the task\'s progress file', async () => {
    const box = project()
    const id = add(box, 'Edit the config')
    const home = box.env.TASKTRAIL_HOME!
    const store = new Store(openDatabase(join(home, 'tasks.db')))
    const where = locateProject(box.project, home)
    const repo = store.repo(where.key, where.root)
    const before = readTasks(box)
    const modified = statSync(join(box.project, 'TASKS.md')).mtimeMs
    const { report } = await withProjectSync(store, where, repo, () => store.addToContextList(id, 'files_modified', 'src/config.ts', 'hook'), { source: 'hook' })
    store.close()
    expect(report).toEqual({ imported: 0, written: 0, conflicts: [] })
    expect(readTasks(box)).toBe(before)
    expect(statSync(join(box.project, 'TASKS.md')).mtimeMs).toBe(modified)
    expect(readFileSync(join(box.project, '.tasktrail', 'tasks', `${id}.md`), 'utf8')).toContain('- files_modified: ["src/config.ts"]\n')
  })
})
