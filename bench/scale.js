// 100,000 tasks: peak memory of the reading commands, and of the first sync of a fresh
// clone (an empty store rebuilt from TASKS.md and the committed progress files).
import { cpSync, mkdtempSync, realpathSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CLI, makeProject } from './fixtures.js'
import { peakMemory } from './harness.js'

export function measureScale(count = 100_000) {
  const box = makeProject(count)
  const at = { cwd: box.project, env: box.env }
  const clone = realpathSync(mkdtempSync(join(tmpdir(), 'tasktrail-bench-clone-')))
  spawnSync('git', ['init', '-q', clone])
  cpSync(join(box.project, 'TASKS.md'), join(clone, 'TASKS.md'))
  cpSync(join(box.project, '.tasktrail'), join(clone, '.tasktrail'), { recursive: true })
  return {
    listMiB: peakMemory(process.execPath, [CLI, 'list', '--all'], at),
    exportMiB: peakMemory(process.execPath, [CLI, 'export', '--json'], at),
    firstSyncMiB: peakMemory(process.execPath, [CLI, 'sync'], { cwd: clone, env: { ...box.env, TASKTRAIL_HOME: join(clone, '..', 'home-clone') } })
  }
}
