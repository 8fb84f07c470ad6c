// tasktrail's hooks in the real Claude Code CLI: one scripted session per host generation,
// with this repository as the plugin (--plugin-dir), then a second session whose
// SessionStart context must reach the model. Checked through `tasktrail export --json`.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { checklistLines } from '../helpers/tasks-md.js'
import { text, toolUse } from './fake-anthropic.js'
import { AGENT_RESULT, NAS_PROMPT, nasMonitoringScenario, NOTES_FILE, SCRIPT_FILE, secondSessionScenario } from './scenarios.js'
import { cli, exported, newBox, play, pluginWithout, RUN_TIMEOUT_MS, type Box, type Exported } from './session.js'

const titled = (tasks: Exported[], title: string): Exported => {
  const found = tasks.filter((t) => t.title === title)
  expect(found, `${title} in ${tasks.map((t) => t.title).join(' | ')}`).toHaveLength(1)
  return found[0]!
}

/** The box of each task's line in the project's TASKS.md, by title. */
function boxes(box: Box, tasks: Exported[]): Record<string, string | undefined> {
  const lines = checklistLines(readFileSync(join(box.project, 'TASKS.md'), 'utf8'))
  return Object.fromEntries(tasks.map((t) => [t.title, lines.get(t.id)?.box]))
}

/** Nothing went wrong inside a hook: no line in hook.log. */
function expectCleanLog(box: Box): void {
  const log = join(box.home, 'hook.log')
  expect(existsSync(log) ? readFileSync(log, 'utf8') : '').toBe('')
}

/**
 * The tool events reached the plugin's MCP server as mcp_tool hooks (Claude Code's own debug
 * log says so for each call) and none was skipped; the server ended with the session.
 */
function expectServedByMcp(box: Box): void {
  const log = readFileSync(box.debugLog, 'utf8')
  const calls = log.match(/mcp_tool calling plugin:tasktrail:tasktrail\/hook/g) ?? []
  expect(calls.length, 'mcp_tool hook calls in the debug log').toBeGreaterThanOrEqual(8)
  expect(log).not.toMatch(/mcp_tool hook (skipped|refused)/)
  expect(log).not.toMatch(/PostToolUse:\w+ \[node/)
  const statuses = join(box.home, 'mcp')
  expect(existsSync(statuses) ? readdirSync(statuses) : []).toEqual([])
}

function expectTaskToolsRecord(tasks: Exported[]): void {
  const request = titled(tasks, NAS_PROMPT)
  expect(request).toMatchObject({ parent_task_id: null, status: 'in_progress', task_context: { user_request: NAS_PROMPT } })
  const research = titled(tasks, 'Research current sync system')
  const implement = titled(tasks, 'Implement monitoring script')
  expect([research, implement, titled(tasks, 'Deploy to production'), titled(tasks, 'Obsolete idea')].map((t) => [t.parent_task_id, t.status])).toEqual([
    [request.id, 'completed'], [request.id, 'in_progress'], [request.id, 'pending'], [request.id, 'cancelled']
  ])
  expect(titled(tasks, 'Research NAS sync')).toMatchObject({
    parent_task_id: research.id, status: 'completed', assigned_agent: 'general-purpose',
    task_context: { outcome: AGENT_RESULT, files_modified: [NOTES_FILE] }
  })
  expect(implement.task_context).toMatchObject({ files_modified: [SCRIPT_FILE], blockers_encountered: ['Bash `exit 3`: Exit code 3'] })
}

describe.each(['2.1.197-task-tools', '2.1.332-enable-todo-tools'] as const)('%s', (host) => {
  test('the session leaves the request, its subtasks, the agent run, files and the failure', async () => {
    const box = newBox()
    await play(box, host, nasMonitoringScenario(host, box.project))
    const tasks = exported(box)
    expectTaskToolsRecord(tasks)
    expect(boxes(box, tasks)).toEqual({
      [NAS_PROMPT]: '/', 'Research current sync system': 'x', 'Research NAS sync': 'x',
      'Implement monitoring script': '/', 'Deploy to production': ' ', 'Obsolete idea': '-'
    })
    expect(titled(tasks, 'Research NAS sync').task_context.duration_ms).toEqual(expect.any(Number))
    expectCleanLog(box)
    expectServedByMcp(box)
  }, RUN_TIMEOUT_MS)
})

describe.each(['2.1.197-task-tools', '2.1.332-enable-todo-tools'] as const)('%s', (host) => {
  test("the task tools' own events reach the MCP server: TaskCreated and TaskCompleted alone make and complete the plan", async () => {
    const box = newBox()
    // No tool-event hook besides them, and no Stop to read the transcript back.
    const plugin = pluginWithout(box, ['PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'SubagentStart', 'SubagentStop', 'Stop'])
    await play(box, host, nasMonitoringScenario(host, box.project), [], plugin)
    const tasks = exported(box)
    const request = titled(tasks, NAS_PROMPT)
    expect(tasks.filter((t) => t.parent_task_id === request.id).map((t) => [t.title, t.status, t.description])).toEqual([
      ['Research current sync system', 'completed', 'Find how the NAS sync runs today'],
      ['Implement monitoring script', 'pending', 'Check _SYNC_STATUS.txt age'],
      ['Deploy to production', 'pending', 'DattoRMM component'],
      ['Obsolete idea', 'pending', 'created by mistake']
    ])
    expect((readFileSync(box.debugLog, 'utf8').match(/mcp_tool calling plugin:tasktrail:tasktrail\/hook/g) ?? []).length).toBe(5)
    expectCleanLog(box)
  }, RUN_TIMEOUT_MS)
})

/** A Write (the request's first work), then a Bash of 0.4 s and a Read, which no adapter handles. */
const timedScenario = (project: string) => ({
  prompt: 'Write the notes, then check them',
  main: [
    [toolUse('Write', { file_path: join(project, 'notes.md'), content: 'notes\n' })],
    [toolUse('Bash', { command: 'sleep 0.4', description: 'Wait for the disk' })],
    [toolUse('Read', { file_path: join(project, 'notes.md') })],
    [text('Checked.')]
  ]
})

test("every tool call's time counts for its task on the plugin's path; from settings a Bash runs no hook", async () => {
  const plugin = newBox()
  await play(plugin, '2.1.332-default', timedScenario(plugin.project))
  const [served] = exported(plugin)
  expect(served!.task_context.tool_ms).toBeGreaterThanOrEqual(400)
  expect(readFileSync(plugin.debugLog, 'utf8').match(/mcp_tool calling plugin:tasktrail:tasktrail\/hook/g)).toHaveLength(3)
  expectCleanLog(plugin)

  const settings = newBox()
  cli(settings, ['init', '--settings'])
  await play(settings, '2.1.332-default', timedScenario(settings.project), [], null)
  const [commands] = exported(settings)
  expect(commands!.task_context.tool_ms).toBeLessThan(400)
  expect(readFileSync(settings.debugLog, 'utf8')).toMatch(/Hooks: PostToolUse:Write \[node/)
  expect(readFileSync(settings.debugLog, 'utf8')).not.toMatch(/Hooks: PostToolUse:(Bash|Read) \[node/)
  expectCleanLog(settings)
}, 2 * RUN_TIMEOUT_MS)

test('init --settings, no plugin: command hooks record the same session', async () => {
  const box = newBox()
  cli(box, ['init', '--settings'])
  await play(box, '2.1.197-task-tools', nasMonitoringScenario('2.1.197-task-tools', box.project), [], null)
  expectTaskToolsRecord(exported(box))
  expect(readFileSync(box.debugLog, 'utf8')).not.toContain('mcp_tool')
  expectCleanLog(box)
}, RUN_TIMEOUT_MS)

test('2.1.197-todowrite: the renamed item stays one task, the dropped one is cancelled', async () => {
  const box = newBox()
  await play(box, '2.1.197-todowrite', nasMonitoringScenario('2.1.197-todowrite', box.project))
  const tasks = exported(box)
  const request = titled(tasks, NAS_PROMPT)
  expect(tasks.filter((t) => t.parent_task_id === request.id).map((t) => [t.title, t.status]).sort()).toEqual([
    ['Deploy to production', 'cancelled'],
    ['Design monitoring approach (check \\_SYNC\\_STATUS.txt age)', 'in_progress'],
    ['Implement monitoring script', 'pending'],
    ['Research current sync system', 'completed']
  ])
  expect(titled(tasks, 'Research NAS sync').status).toBe('completed')
  expect(boxes(box, tasks)).toMatchObject({ 'Deploy to production': '-', 'Design monitoring approach (check \\_SYNC\\_STATUS.txt age)': '/' })
  expectCleanLog(box)
}, RUN_TIMEOUT_MS)

test('2.1.332-default (no task tools): a record of the request, the background agent, files and the failure', async () => {
  const box = newBox()
  const scenario = nasMonitoringScenario('2.1.332-default', box.project)
  await play(box, '2.1.332-default', scenario)
  const tasks = exported(box)
  const request = titled(tasks, scenario.prompt)
  expect(request.task_context).toMatchObject({ files_modified: [SCRIPT_FILE], blockers_encountered: ['Bash `exit 3`: Exit code 3'] })
  expect(titled(tasks, 'Research NAS sync')).toMatchObject({
    parent_task_id: request.id, status: 'completed', task_context: { outcome: AGENT_RESULT, files_modified: [NOTES_FILE] }
  })
  expect(boxes(box, tasks)).toEqual({ [scenario.prompt]: 'x', 'Research NAS sync': 'x' })
  expectCleanLog(box)
}, RUN_TIMEOUT_MS)

test('a second session starts with the open checklist in the context the model receives', async () => {
  const box = newBox()
  await play(box, '2.1.197-task-tools', nasMonitoringScenario('2.1.197-task-tools', box.project))
  const deploy = titled(exported(box), 'Deploy to production')
  const fake = await play(box, '2.1.197-task-tools', secondSessionScenario(box.project), ['--continue'])
  expect(fake.modelSaw(`- [pending] ${deploy.id} Deploy to production`)).toBe(true)
  expect(fake.modelSaw('tasktrail: 3 open tasks in this project')).toBe(true)
  expect(fake.modelSaw('the tasktrail tools mcp__plugin_tasktrail_tasktrail__start, mcp__plugin_tasktrail_tasktrail__complete')).toBe(true)
  expectCleanLog(box)
}, 2 * RUN_TIMEOUT_MS)

describe.each(['2.1.197-task-tools', '2.1.332-default'] as const)('%s', (host) => {
  test("the agent's tasktrail tools reach the store, and refuse as the CLI does", async () => {
    const box = newBox()
    cli(box, ['init'])
    const id = JSON.parse(cli(box, ['add', 'Deploy to production', '--json'])).id as string
    const tool = (name: string) => `mcp__plugin_tasktrail_tasktrail__${name}`
    const fake = await play(box, host, {
      prompt: 'Deployment cannot happen before the change window.',
      main: [
        [toolUse(tool('block'), { id, reason: 'waits for the change window' })],
        [toolUse(tool('complete'), { id: 'zzzz' })],
        [text('Blocked it.')]
      ]
    })
    const task = titled(exported(box), 'Deploy to production')
    expect([task.status, task.task_context.blocked_reason]).toEqual(['blocked', 'waits for the change window'])
    // The plugin's CLI is on no PATH: the command is named by its full path.
    expect(fake.modelSaw(`tasktrail: no task has an id starting with "t-zzzz"; see `)).toBe(true)
    expect(fake.modelSaw(`${join('bin', 'tasktrail.js')}' list --all`)).toBe(true)
    expect(fake.modelSaw('see tasktrail list --all')).toBe(false)
  }, RUN_TIMEOUT_MS)
})
