// A person's editor saves a copy of TASKS.md it loaded before tasktrail's last write: the
// write's changes are made again on top of the person's edits, not read as undone by them.
import { describe, expect, it } from 'vitest'
import type { FileTask } from '../../src/sync/merge.js'
import { changesOfWrite, unseenChanges, type Write } from '../../src/sync/stale-save.js'
import { linesOfTasks } from '../../src/sync/lines.js'
import { add } from '../helpers/cli.js'
import { exported, json, lineOf, project, readTasks, sync, writeTasks } from './helpers.js'

/** `text` without the checkbox line of task `id`. */
function withoutLine(text: string, id: string): string {
  const lines = text.split('\n')
  lines.splice(lineOf(lines, id), 1)
  return lines.join('\n')
}

const task = (id: string | null, title: string, status: FileTask['status'] = 'pending', parent: number | null = null): FileTask => ({
  id, title, status, type: null, agent: null, reason: null, parent
})

describe('unseenChanges', () => {
  const a = task('t-aaaaaaa', 'A')
  const inserted: Write = { from: 'hash-before', changes: [{ kind: 'insert', id: 't-bbbbbbb' }] }
  const ticked: Write = { from: 'hash-between', changes: [{ kind: 'field', id: 't-aaaaaaa', field: 'status', before: 'pending' }] }

  it('finds the latest writes a file shows none of, when a line they added is missing', () => {
    // The copy predates both writes: no B line, A not ticked.
    expect(unseenChanges([inserted, ticked], 'other', [a, task(null, 'Hand line')])).toEqual([...inserted.changes, ...ticked.changes])
    // The copy shows the tick: the person saw the last write; B's line is theirs to remove.
    expect(unseenChanges([inserted, ticked], 'other', [task('t-aaaaaaa', 'A', 'completed')])).toEqual([])
  })

  it('leaves a change of fields alone: the untick is the person\'s', () => {
    expect(unseenChanges([inserted, ticked], 'other', [a, task('t-bbbbbbb', 'B')])).toEqual([])
    expect(unseenChanges([ticked], 'other', [a])).toEqual([])
  })

  it('takes a file equal to the one before the writes as a deliberate revert', () => {
    expect(unseenChanges([inserted, ticked], 'hash-before', [a])).toEqual([])
  })

  it('compares a field with its value before the earliest unseen write that changed it', () => {
    const started: Write = { from: 'h1', changes: [{ kind: 'field', id: 't-aaaaaaa', field: 'status', before: 'pending' }] }
    const finished: Write = { from: 'h2', changes: [{ kind: 'field', id: 't-aaaaaaa', field: 'status', before: 'in_progress' }] }
    expect(unseenChanges([inserted, started, finished], 'other', [a, task(null, 'Hand line')])).toHaveLength(3)
    expect(unseenChanges([inserted, started, finished], 'other', [task('t-aaaaaaa', 'A', 'in_progress')])).toEqual([])
  })

  it('records what a write changed, with the values the lines had before', () => {
    const file = [a, task(null, 'New line')]
    const changes = changesOfWrite(
      [{ kind: 'assignId', task: 1, id: 't-ccccccc' }, { kind: 'status', id: 't-aaaaaaa', status: 'completed' }, { kind: 'insert', task: { id: 't-ddddddd', title: 'D', status: 'pending', meta: {} }, parentId: null }],
      linesOfTasks(file),
      file
    )
    expect(changes).toEqual([
      { kind: 'assignId', id: 't-ccccccc', title: 'New line' },
      { kind: 'field', id: 't-aaaaaaa', field: 'status', before: 'pending' },
      { kind: 'insert', id: 't-ddddddd' }
    ])
  })
})

describe('a save from a copy older than tasktrail\'s last write', { timeout: 120_000 }, () => {
  it('keeps the line tasktrail added and the tick it made, and the person\'s edits', () => {
    const box = project()
    const first = add(box, 'First task')
    const copy = readTasks(box)
    const machine = add(box, 'Machine task')
    json(box, ['done', first])
    // The editor's buffer: loaded before both writes, a new line added.
    writeTasks(box, copy + '- [ ] Hand line\n')
    const { report } = sync(box)
    expect(report.conflicts.map((c: { taskId: string }) => c.taskId).sort()).toEqual([first, machine].sort())
    const tasks = exported(box)
    expect(tasks.find((t) => t.id === machine)?.status).toBe('pending')
    expect(tasks.find((t) => t.id === first)?.status).toBe('completed')
    expect(tasks.filter((t) => t.title === 'Hand line')).toHaveLength(1)
    const text = readTasks(box)
    expect(text).toContain(machine)
    expect(text).toMatch(/- \[x\] First task/)
    expect(text).toContain('Hand line')
    expect(sync(box).report).toMatchObject({ imported: 0, written: 0, conflicts: [] })
  })

  it('does not duplicate a person\'s line whose id tasktrail wrote after the copy was loaded', () => {
    const box = project()
    add(box, 'First task')
    const withHandLine = readTasks(box) + '- [ ] Hand line\n'
    writeTasks(box, withHandLine)
    sync(box)
    // The buffer still has the line without its id; the person ticks it and adds another.
    writeTasks(box, withHandLine.replace('- [ ] Hand line', '- [x] Hand line') + '- [ ] Second hand line\n')
    sync(box)
    const hand = exported(box).filter((t) => t.title === 'Hand line')
    expect(hand.map((t) => t.status)).toEqual(['completed'])
    expect(readTasks(box).match(/Hand line/g)).toHaveLength(1)
    expect(exported(box).filter((t) => t.title === 'Second hand line')).toHaveLength(1)
  })

  it('takes a deliberate removal: the file exactly as before the write, or the line removed a second time', () => {
    const box = project()
    add(box, 'First task')
    const before = readTasks(box)
    const machine = add(box, 'Machine task')
    writeTasks(box, before)
    sync(box)
    expect(exported(box).find((t) => t.id === machine)?.status).toBe('cancelled')

    const again = add(box, 'Another machine task')
    const copy = readTasks(box)
    // Removed together with another edit: made again once, as a conflict …
    writeTasks(box, withoutLine(copy, again) + '- [ ] Hand line\n')
    expect(sync(box).report.conflicts).toHaveLength(1)
    expect(readTasks(box)).toContain(again)
    // … and removed again, it is cancelled.
    writeTasks(box, withoutLine(readTasks(box), again))
    expect(sync(box).report.conflicts).toEqual([])
    expect(exported(box).find((t) => t.id === again)?.status).toBe('cancelled')
  })
})
