// The hook targets: one Claude Code event as a fresh `tasktrail hook` process on a project
// of 1,000 tasks whose TASKS.md was not edited by hand, interleaved with node -e 0.
// Events are the recorded ones (test/fixtures/claude-code), pointed at the bench project.
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { alone, CLI, makeProject, withResident } from './fixtures.js'
import { interleaved } from './harness.js'

const RECORDING = resolve(import.meta.dirname, '../test/fixtures/claude-code/cc-2.1.197-task-tools.events.jsonl')

function recorded() {
  const events = readFileSync(RECORDING, 'utf8').trim().split('\n').map((line) => JSON.parse(line))
  const find = (name, tool) => events.find((e) => e.hook_event_name === name && (tool === undefined || e.tool_name === tool))
  return {
    prompt: find('UserPromptSubmit'),
    create: find('PostToolUse', 'TaskCreate'),
    update: events.find((e) => e.hook_event_name === 'PostToolUse' && e.tool_name === 'TaskUpdate' && e.tool_input.status === 'in_progress'),
    write: find('PostToolUse', 'Write'),
    start: find('SessionStart')
  }
}

function hook(box, event) {
  const input = JSON.stringify({ ...event, cwd: box.project })
  const result = spawnSync(process.execPath, [CLI, 'hook'], { cwd: box.project, env: box.env, input, encoding: 'utf8' })
  if (result.status !== 0) throw new Error(`hook exited ${result.status}: ${result.stderr}`)
  return result.stdout
}

const hookRun = (box, event) => ({
  command: process.execPath,
  args: [CLI, 'hook'],
  options: { cwd: box.project, env: box.env, input: JSON.stringify({ ...event, cwd: box.project }) }
})

/**
 * Side-by-side ratios for TaskUpdate, Write and SessionStart on 1,000 tasks, each event both
 * served by the resident process, as in a session, and in a process of its own, as before
 * the resident process listens or with TASKTRAIL_RESIDENT=0, interleaved in the same rounds.
 */
export function measureHooks({ runs = 21 } = {}) {
  const made = makeProject(1000)
  made.env = { ...made.env, CLAUDE_PROJECT_DIR: made.project }
  const boxes = { served: withResident(made), alone: alone(made) }
  const events = recorded()
  spawnSync(process.execPath, [CLI, 'sync'], { cwd: made.project, env: boxes.alone.env })
  hook(boxes.alone, events.prompt)
  const plan = 2 * (runs + 2)
  for (let i = 1; i <= plan; i++) {
    hook(boxes.alone, {
      ...events.create,
      tool_use_id: `bench_create_${i}`,
      tool_input: { ...events.create.tool_input, subject: `Planned step ${i}` },
      tool_response: { task: { id: String(i), subject: `Planned step ${i}` } }
    })
  }
  // Each round's two runs update different planned steps and write different files.
  const both = (event) => interleaved({
    runs,
    prepare: (i) => Object.fromEntries(Object.entries(boxes).map(([mode, box], k) => [mode, hookRun(box, event(2 * i + k + 1, mode))]))
  })
  const taskUpdate = both((n) => ({ ...events.update, tool_use_id: `bench_update_${n}`, tool_input: { taskId: String(n), status: 'in_progress' }, tool_response: { ...events.update.tool_response, taskId: String(n) } }))
  const write = both((n) => ({ ...events.write, tool_use_id: `bench_write_${n}`, tool_input: { ...events.write.tool_input, file_path: `${made.project}/src/file-${n}.ts` } }))
  const sessionStart = both(() => events.start)
  boxes.served.stop()
  return { taskUpdate, write, sessionStart }
}

const OTHER_AGENTS = resolve(import.meta.dirname, '../test/fixtures/other-agents')
const otherEvent = (file, name, tool) =>
  readFileSync(resolve(OTHER_AGENTS, file), 'utf8').trim().split('\n').map((line) => JSON.parse(line)).find((e) => e.hook_event_name === name && e.tool_name === tool)

/**
 * A file recorded by each agent CLI's hook, in the same rounds, each in a process of its own
 * (TASKTRAIL_RESIDENT=0) on 1,000 tasks: Claude Code's Write, Codex's apply_patch (`hook --host
 * codex`), Gemini CLI's write_file (`hook --host gemini`). Each records a new file every run.
 */
export function measureHostHooks({ runs = 21 } = {}) {
  const box = alone(makeProject(1000))
  const events = recorded()
  const patch = otherEvent('codex-0.171.0-events.jsonl', 'PostToolUse', 'apply_patch')
  const write = otherEvent('gemini-0.61.0-events.jsonl', 'AfterTool', 'write_file')
  const run = (host, event) => ({
    command: process.execPath,
    args: [CLI, 'hook', ...(host ? ['--host', host] : [])],
    options: { cwd: box.project, env: box.env, input: JSON.stringify({ ...event, cwd: box.project }) }
  })
  spawnSync(process.execPath, [CLI, 'sync'], { cwd: box.project, env: box.env })
  return interleaved({
    runs,
    prepare: (i) => ({
      claude: run(undefined, { ...events.write, tool_use_id: `bench_write_${i}`, tool_input: { ...events.write.tool_input, file_path: `${box.project}/src/claude-${i}.ts` } }),
      codex: run('codex', { ...patch, tool_use_id: `bench_patch_${i}`, tool_input: { command: `*** Begin Patch\n*** Add File: src/codex-${i}.ts\n+x\n*** End Patch\n` } }),
      gemini: run('gemini', { ...write, timestamp: `2026-12-06T20:00:${String(i).padStart(2, '0')}.000Z`, tool_input: { file_path: `src/gemini-${i}.ts`, content: 'x' } })
    })
  })
}
