// tasktrail's hooks in the real Codex CLI and Gemini CLI (pinned devDependencies), set up by
// `tasktrail init --codex / --gemini`, each session scripted by a local model server: the
// same records as Claude Code's, in the store and in one TASKS.md. Then one repository where
// a Claude Code session and a Codex session both worked.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, test } from 'vitest'
import { checklistLines } from '../helpers/tasks-md.js'
import { runCodex, runGemini, writeCodexConfig, writeGeminiUserSettings } from './agent-clis.js'
import { HOSTS, runClaude } from './claude.js'
import { startFakeAnthropic, text, toolUse } from './fake-anthropic.js'
import { call, say, startFakeGemini, startFakeResponses, type AgentTurn } from './fake-agent-apis.js'

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const CLI = join(REPO_ROOT, 'bin', 'tasktrail.js')
const RUN_TIMEOUT_MS = 150_000
const PROMPT = 'Create hello.txt with a greeting. Make a plan first.'
const roots: string[] = []
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
})

interface Exported {
  id: string
  parent_task_id: string | null
  title: string
  status: string
  session_id: string | null
  task_context: Record<string, unknown>
}

interface Box {
  project: string
  env: NodeJS.ProcessEnv
}

function newBox(): Box {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'tasktrail-e2e-agents-')))
  roots.push(root)
  const project = join(root, 'project')
  spawnSync('git', ['init', '-q', project])
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: join(root, 'user'), CODEX_HOME: join(root, 'user', '.codex'), TASKTRAIL_HOME: join(root, 'home'), NO_COLOR: '1' }
  for (const key of ['TASKTRAIL_DB', 'CLAUDE_PROJECT_DIR', 'OPENAI_API_KEY', 'OPENAI_BASE_URL', 'GEMINI_API_KEY', 'GOOGLE_API_KEY']) delete env[key]
  return { project, env }
}

function tasktrail(box: Box, args: string[], cwd = box.project): string {
  const run = spawnSync(process.execPath, [CLI, ...args], { cwd, env: box.env, encoding: 'utf8' })
  expect(run.status, run.stderr).toBe(0)
  return run.stdout
}

const exported = (box: Box) => (JSON.parse(tasktrail(box, ['export', '--json'])) as { tasks: Exported[] }).tasks
const titled = (tasks: Exported[], title: string): Exported => {
  const found = tasks.filter((t) => t.title === title)
  expect(found, `${title} in ${tasks.map((t) => t.title).join(' | ')}`).toHaveLength(1)
  return found[0]!
}
/** Each task's box and depth in TASKS.md, by title. */
function checklist(box: Box, tasks: Exported[]): Record<string, [string | undefined, number | undefined]> {
  const lines = checklistLines(readFileSync(join(box.project, 'TASKS.md'), 'utf8'))
  return Object.fromEntries(tasks.map((t) => [t.title, [lines.get(t.id)?.box, lines.get(t.id)?.depth]]))
}
function expectCleanLog(box: Box): void {
  const log = join(box.env.TASKTRAIL_HOME!, 'hook.log')
  expect(existsSync(log) ? readFileSync(log, 'utf8') : '').toBe('')
}

/** Plan, file, a failing command, the plan renamed and done: what both CLIs are given. */
function script(shell: (command: string) => AgentTurn, plan: (items: Array<[string, string]>) => AgentTurn, write: AgentTurn): AgentTurn[] {
  return [
    plan([['Inspect the repository', 'in_progress'], ['Write hello.txt', 'pending']]),
    write,
    shell('ls nothing-here'),
    plan([['Inspect the repo', 'completed'], ['Write hello.txt', 'completed']]),
    say('Done: created hello.txt.')
  ]
}

const codexScript = () =>
  script(
    (cmd) => call('exec_command', { cmd }),
    (items) => call('update_plan', { plan: items.map(([step, status]) => ({ step, status })) }),
    call('apply_patch', '*** Begin Patch\n*** Add File: hello.txt\n+hello\n*** End Patch\n')
  )

/**
 * A Codex session, its hooks installed by `tasktrail init --codex` for the project (which
 * Codex then has to trust) or with --user; what the model was sent.
 */
async function codexSession(box: Box, scope: 'project' | 'user'): Promise<string> {
  const fake = await startFakeResponses(codexScript())
  try {
    writeCodexConfig(box.env.CODEX_HOME!, fake.url)
    tasktrail(box, ['init', '--codex', ...(scope === 'user' ? ['--user'] : [])])
    const run = await runCodex(box.project, PROMPT, box.env, { trustProject: scope === 'project' })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toContain('"type":"turn.completed"')
    return JSON.stringify(fake.requests)
  } finally {
    await fake.close()
  }
}

const OPEN_TASK = 'Rotate the backup keys'

describe('the real CLIs, set up by tasktrail init', () => {
  test(`Codex CLI (project hooks): request, plan renamed and completed, the patch's file, the failed command, all in TASKS.md`, async () => {
    const box = newBox()
    tasktrail(box, ['add', OPEN_TASK])
    // SessionStart gives the model the open checklist, as it does Claude.
    expect(await codexSession(box, 'project')).toContain(OPEN_TASK)
    expect(readFileSync(join(box.project, 'hello.txt'), 'utf8')).toBe('hello\n')
    const tasks = exported(box)
    const request = titled(tasks, PROMPT)
    expect(request).toMatchObject({ parent_task_id: null, status: 'completed', task_context: { user_request: PROMPT, host: 'codex' } })
    expect(tasks.filter((t) => t.parent_task_id === request.id).map((t) => [t.title, t.status, t.task_context.host])).toEqual([
      ['Inspect the repo', 'completed', 'codex'],
      ['Write hello.txt', 'completed', 'codex']
    ])
    expect(titled(tasks, 'Inspect the repo').task_context.files_modified).toEqual(['hello.txt'])
    // The failed command is read from the rollout at Stop, when no step is in progress.
    expect(request.task_context.blockers_encountered).toEqual(["Bash `ls nothing-here`: Exit code 2: ls: cannot access 'nothing-here': No such file or directory"])
    expect(checklist(box, tasks)).toEqual({ [OPEN_TASK]: [' ', 0], [PROMPT]: ['x', 0], 'Inspect the repo': ['x', 1], 'Write hello.txt': ['x', 1] })
    expectCleanLog(box)
  }, RUN_TIMEOUT_MS)

  test('Gemini CLI: request, plan, the written and replaced file, the failed command, all in TASKS.md', async () => {
    const box = newBox()
    tasktrail(box, ['add', OPEN_TASK])
    const fake = await startFakeGemini(
      script(
        (command) => call('run_shell_command', { command, description: 'list' }),
        (items) => call('write_todos', { todos: items.map(([description, status]) => ({ description, status })) }),
        { calls: [{ name: 'write_file', args: { file_path: 'hello.txt', content: 'hello\n' } }, { name: 'replace', args: { file_path: 'hello.txt', old_string: 'hello', new_string: 'hi', instruction: 'greet' } }] }
      )
    )
    try {
      writeGeminiUserSettings(box.env.HOME!)
      tasktrail(box, ['init', '--gemini'])
      const run = await runGemini(box.project, PROMPT, fake.url, box.env)
      expect(run.code, run.stderr).toBe(0)
      // SessionStart gives the model the open checklist, as it does Claude.
      expect(JSON.stringify(fake.requests)).toContain(OPEN_TASK)
    } finally {
      await fake.close()
    }
    expect(readFileSync(join(box.project, 'hello.txt'), 'utf8')).toBe('hi\n')
    const tasks = exported(box)
    const request = titled(tasks, PROMPT)
    expect(request).toMatchObject({ parent_task_id: null, status: 'completed', task_context: { user_request: PROMPT, host: 'gemini' } })
    expect(titled(tasks, 'Inspect the repo').task_context).toMatchObject({
      host: 'gemini',
      files_modified: ['hello.txt'],
      blockers_encountered: ["run_shell_command `ls nothing-here`: Exit Code 2: ls: cannot access 'nothing-here': No such file or directory"]
    })
    expect(checklist(box, tasks)).toEqual({ [OPEN_TASK]: [' ', 0], [PROMPT]: ['x', 0], 'Inspect the repo': ['x', 1], 'Write hello.txt': ['x', 1] })
    expectCleanLog(box)
  }, RUN_TIMEOUT_MS)

  test('one repository, a Claude Code session then a Codex session (user hooks): one TASKS.md holds both', async () => {
    const box = newBox()
    const claudePrompt = 'Write the notes file'
    const fake = await startFakeAnthropic({ prompt: claudePrompt, main: [[toolUse('Write', { file_path: join(box.project, 'notes.md'), content: '# Notes\n' })], [text('Notes written.')]] })
    try {
      const { version, env } = HOSTS['2.1.332-default']
      const run = await runClaude({ version, baseUrl: fake.url, cwd: box.project, prompt: claudePrompt, pluginDir: REPO_ROOT, configDir: join(box.env.HOME!, '.claude'), env: { ...env, TASKTRAIL_HOME: box.env.TASKTRAIL_HOME! } })
      expect(run.exitCode, run.stderr).toBe(0)
    } finally {
      await fake.close()
    }
    await codexSession(box, 'user')
    const tasks = exported(box)
    const claude = titled(tasks, claudePrompt)
    const codex = titled(tasks, PROMPT)
    expect(claude).toMatchObject({ status: 'completed', task_context: { files_modified: ['notes.md'] } })
    expect(claude.task_context.host).toBeUndefined()
    expect(codex.task_context.host).toBe('codex')
    expect(claude.session_id).not.toBe(codex.session_id)
    expect(checklist(box, tasks)).toEqual({ [claudePrompt]: ['x', 0], [PROMPT]: ['x', 0], 'Inspect the repo': ['x', 1], 'Write hello.txt': ['x', 1] })
    // Reports can tell them apart.
    const listed = (host: string) => (JSON.parse(tasktrail(box, ['list', '--all', '--host', host, '--json'])) as { tasks: Exported[] }).tasks.map((t) => t.title)
    expect(listed('codex').sort()).toEqual([PROMPT, 'Inspect the repo', 'Write hello.txt'].sort())
    expect(listed('claude-code')).toEqual([claudePrompt])
    expect(listed('gemini')).toEqual([])
    const reported = (host: string) => (JSON.parse(tasktrail(box, ['report', '--host', host, '--format', 'json'])) as { requests: Array<{ title: string }> }).requests.map((r) => r.title)
    expect([reported('codex'), reported('claude-code')]).toEqual([[PROMPT], [claudePrompt]])
    expectCleanLog(box)
  }, RUN_TIMEOUT_MS * 2)
})
