import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { add, json, sandbox, tasktrail } from '../helpers/cli.js'

describe('tasktrail rename', () => {
  it('gives a task a new title in the store and in TASKS.md, as add does', () => {
    const box = sandbox()
    const id = add(box, 'Draft the alert')
    expect(tasktrail(box, ['rename', id, '  Draft the e-mail alert '])).toMatchObject({ code: 0, stdout: `${id} renamed: Draft the e-mail alert\n` })
    expect(json(box, ['show', id]).title).toBe('Draft the e-mail alert')
    expect(readFileSync(join(box.project, 'TASKS.md'), 'utf8')).toContain(`- [ ] Draft the e-mail alert <!-- ${id} -->`)
  })

  it('refuses an empty or multi-line title and an unknown id, changing nothing', () => {
    const box = sandbox()
    const id = add(box, 'Draft the alert')
    expect(tasktrail(box, ['rename', id, ' '])).toMatchObject({ code: 2, stderr: 'tasktrail: the title must be one non-empty line\n' })
    expect(tasktrail(box, ['rename', id, 'two\nlines']).code).toBe(2)
    expect(tasktrail(box, ['rename', 't-nosuch', 'New']).stderr).toContain('no task has an id starting with "t-nosuch"')
    expect(json(box, ['show', id]).title).toBe('Draft the alert')
  })
})
