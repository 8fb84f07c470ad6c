// tasktrail demo: the bundled recording replayed through the real hook entry point.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { sandbox, tasktrail } from '../helpers/cli.js'
import { checklistLines } from '../helpers/tasks-md.js'

describe('tasktrail demo', () => {
  it('replays the session into a throwaway project and says where its TASKS.md is', () => {
    const run = tasktrail(sandbox(), ['demo'])
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('▸ PostToolUse TaskCreate: Deploy to production')
    const file = /^The checklist: (.+)$/m.exec(run.stdout)![1]!
    const lines = [...checklistLines(readFileSync(file, 'utf8')).values()]
    expect(lines.map((l) => [l.title, l.box])).toEqual([
      ['Set up monitoring for the Dataforth NAS, alert if sync fails', '/'],
      ['Research current sync system', 'x'],
      ['Research NAS sync', 'x'],
      ['Implement monitoring script', '/'],
      ['Deploy to production', ' '],
      ['Obsolete idea', '-']
    ])
  }, 180_000)
})
