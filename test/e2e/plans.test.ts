// Plan mode and workflows in the real interactive Claude Code, driven in tmux against the
// scripted API (interactive.ts): 2.1.332 offers plan mode only there. Each session is checked
// through TASKS.md and `tasktrail export --json`, with the hooks of this repository (--plugin-dir).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { checklistLines } from '../helpers/tasks-md.js'
import type { ClaudeVersion } from './claude.js'
import { startFakeAnthropic, type Scenario } from './fake-anthropic.js'
import { runInteractive } from './interactive.js'
import {
  AGENT_RESULT, DEPLOY_FILE, NAS_PROMPT, NOTES_FILE, PLAN_FINAL, planModeScenario, SCRIPT_FILE, WORKFLOW_FINAL, WORKFLOW_PROMPT, workflowScenario
} from './scenarios.js'
import { exported, newBox, REPO_ROOT, RUN_TIMEOUT_MS, type Box, type Exported } from './session.js'

const STEPS = [
  'Research how the NAS sync runs today',
  'Write a monitoring script that checks \\_SYNC\\_STATUS.txt age',
  'Deploy the script as a DattoRMM component with an alert'
]

async function play(box: Box, version: ClaudeVersion, scenario: Scenario, lastMessage: string): Promise<void> {
  const fake = await startFakeAnthropic(scenario)
  try {
    await runInteractive({
      version, baseUrl: fake.url, cwd: box.project, prompt: scenario.prompt, pluginDir: REPO_ROOT, configDir: box.configDir,
      env: { TASKTRAIL_HOME: box.home },
      // The plan dialog: its first choice goes on in the session's mode (bypass permissions).
      submitted: () => fake.requests.some((r) => r.thread === 'main'),
      answers: [{ screen: 'Would you like to proceed', keys: ['Enter'] }],
      lastMessage
    })
  } finally {
    await fake.close()
  }
}

const titled = (tasks: Exported[], title: string): Exported => {
  const found = tasks.filter((t) => t.title === title)
  expect(found, `${title} in ${tasks.map((t) => t.title).join(' | ')}`).toHaveLength(1)
  return found[0]!
}

/** Each task's line in TASKS.md: its box and depth, by title. */
function lines(box: Box, tasks: Exported[]): Record<string, string | undefined> {
  const read = checklistLines(readFileSync(join(box.project, 'TASKS.md'), 'utf8'))
  return Object.fromEntries(tasks.map((t) => {
    const line = read.get(t.id)
    return [t.title, line && `${'  '.repeat(line.depth)}[${line.box}]`]
  }))
}

function expectCleanLog(box: Box): void {
  const log = join(box.home, 'hook.log')
  expect(existsSync(log) ? readFileSync(log, 'utf8') : '').toBe('')
}

describe.each(['2.1.332', '2.1.197'] as const)('plan mode, %s (interactive)', (version) => {
  test("the approved plan's steps become the request's subtasks, done one after the other as the work follows them", async () => {
    const box = newBox()
    await play(box, version, planModeScenario(version, box.project), PLAN_FINAL)
    const tasks = exported(box)
    const request = titled(tasks, NAS_PROMPT)
    expect(request).toMatchObject({ parent_task_id: null, status: 'completed', task_context: { outcome: PLAN_FINAL } })
    expect(tasks.filter((t) => t.parent_task_id === request.id).map((t) => [t.title, t.status])).toEqual(STEPS.map((s) => [s, 'completed']))
    for (const step of STEPS) expect(titled(tasks, step).task_context.guess).toMatch(/^completed: /)
    expect(titled(tasks, 'Research NAS sync')).toMatchObject({
      parent_task_id: titled(tasks, STEPS[0]!).id, status: 'completed', task_context: { outcome: AGENT_RESULT, files_modified: [NOTES_FILE] }
    })
    expect(titled(tasks, STEPS[1]!).task_context.files_modified).toEqual([SCRIPT_FILE])
    expect(titled(tasks, STEPS[2]!).task_context.files_modified).toEqual([DEPLOY_FILE])
    // The plan file (written in plan mode, under the config dir) is the plan, not work.
    expect(request.task_context.files_modified).toBeUndefined()
    expect(lines(box, tasks)).toEqual({
      [NAS_PROMPT]: '[x]', [STEPS[0]!]: '  [x]', 'Research NAS sync': '    [x]', [STEPS[1]!]: '  [x]', [STEPS[2]!]: '  [x]'
    })
    expectCleanLog(box)
  }, RUN_TIMEOUT_MS)
})

test('a workflow (2.1.332, interactive): its phases under it, each agent run under its phase by its label, closed by its notification', async () => {
  const box = newBox()
  await play(box, '2.1.332', workflowScenario(box.project), WORKFLOW_FINAL)
  const tasks = exported(box)
  const request = titled(tasks, WORKFLOW_PROMPT)
  expect(request).toMatchObject({ status: 'completed', task_context: { outcome: WORKFLOW_FINAL } })
  const workflow = titled(tasks, 'nas-sync-monitoring')
  expect(workflow).toMatchObject({ parent_task_id: request.id, status: 'completed', task_context: { outcome: expect.stringContaining('"sync"') } })
  const phases = tasks.filter((t) => t.parent_task_id === workflow.id)
  expect(phases.map((t) => [t.title, t.status])).toEqual([['Research', 'completed'], ['Implement', 'completed'], ['Deploy', 'completed']])
  for (const [label, phase] of [['research:sync', 'Research'], ['implement:monitor', 'Implement'], ['deploy:dattormm', 'Deploy']] as const) {
    expect(titled(tasks, label)).toMatchObject({ parent_task_id: titled(tasks, phase).id, status: 'completed', assigned_agent: 'workflow-subagent' })
  }
  expect(titled(tasks, 'implement:monitor').task_context.files_modified).toEqual([SCRIPT_FILE])
  expect(titled(tasks, 'deploy:dattormm').task_context.files_modified).toEqual([DEPLOY_FILE])
  expect(tasks.filter((t) => t.parent_task_id === null)).toHaveLength(1)
  expect(lines(box, tasks)).toEqual({
    [WORKFLOW_PROMPT]: '[x]', 'nas-sync-monitoring': '  [x]',
    Research: '    [x]', 'research:sync': '      [x]',
    Implement: '    [x]', 'implement:monitor': '      [x]',
    Deploy: '    [x]', 'deploy:dattormm': '      [x]'
  })
  expectCleanLog(box)
}, RUN_TIMEOUT_MS)
