// The hook targets on a project of 1,000 tasks whose TASKS.md was not edited by hand: one
// Claude Code event as a fresh `tasktrail hook` process, interleaved with node -e 0, and the
// same events handed to the plugin's MCP server. Events are the recorded ones
// (test/fixtures/claude-code), pointed at the bench project.
import { spawn, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { CLI, makeProject } from './fixtures.js'
import { interleaved, median, sideBySide } from './harness.js'

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
 * Side-by-side ratios for TaskUpdate, Write and SessionStart on 1,000 tasks, each event in a
 * `tasktrail hook` process of its own, as command hooks run (SessionStart, UserPromptSubmit,
 * Stop and SessionEnd always; every event with hooks from settings, without the plugin).
 */
export function measureHooks({ runs = 21 } = {}) {
  const { box, events } = planned(2 * (runs + 2))
  const own = (event) => sideBySide({ runs, prepare: (i) => hookRun(box, event(i + 1)) })
  const taskUpdate = own((n) => updateEvent(events, n))
  const write = own((n) => writeEvent(events, box, n))
  const sessionStart = own(() => events.start)
  return { taskUpdate, write, sessionStart }
}

/** A 1,000-task project with a request and `count` planned steps, and the recorded events. */
function planned(count) {
  const box = makeProject(1000)
  box.env = { ...box.env, CLAUDE_PROJECT_DIR: box.project }
  const events = recorded()
  spawnSync(process.execPath, [CLI, 'sync'], { cwd: box.project, env: box.env })
  hook(box, events.prompt)
  for (let i = 1; i <= count; i++) {
    hook(box, {
      ...events.create,
      tool_use_id: `bench_create_${i}`,
      tool_input: { ...events.create.tool_input, subject: `Planned step ${i}` },
      tool_response: { task: { id: String(i), subject: `Planned step ${i}` } }
    })
  }
  return { box, events }
}

const updateEvent = (events, n) => ({ ...events.update, tool_use_id: `bench_update_${n}`, tool_input: { taskId: String(n), status: 'in_progress' }, tool_response: { ...events.update.tool_response, taskId: String(n) } })
const writeEvent = (events, box, n) => ({ ...events.write, tool_use_id: `bench_write_${n}`, tool_input: { ...events.write.tool_input, file_path: `${box.project}/src/file-${n}.ts` } })

/** What Claude Code sends the server for an mcp_tool hook: each field as text, objects as JSON. */
const interpolated = (event) => Object.fromEntries(Object.entries(event).map(([key, value]) => [key, typeof value === 'object' ? JSON.stringify(value) : String(value)]))

/**
 * The same TaskUpdate and Write events handed to the plugin's MCP server (`tasktrail mcp`,
 * spoken to over stdio as Claude Code does), `gapMs` apart as tool calls are in a session:
 * how long each waits for its answer, in ms (median, p95).
 */
export async function measureServed({ runs = 60, gapMs = 30 } = {}) {
  const { box, events } = planned(runs)
  const server = await startServer(box)
  const answered = async (event) => {
    await new Promise((resolve) => setTimeout(resolve, gapMs))
    const start = process.hrtime.bigint()
    await server.request('tools/call', { name: 'hook', arguments: interpolated(event) })
    return Number(process.hrtime.bigint() - start) / 1e6
  }
  const taskUpdate = []
  const write = []
  for (let n = 1; n <= runs; n++) {
    taskUpdate.push(await answered(updateEvent(events, n)))
    write.push(await answered(writeEvent(events, box, n)))
  }
  await server.close()
  return { taskUpdate: percentiles(taskUpdate), write: percentiles(write) }
}

export function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return { median: median(sorted), p95: sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)], runs: sorted.length }
}

/** `tasktrail mcp` in the box's project, initialized. */
async function startServer(box) {
  const child = spawn(process.execPath, [CLI, 'mcp'], { cwd: box.project, env: box.env, stdio: ['pipe', 'pipe', 'inherit'] })
  const waiting = new Map()
  let rest = ''
  let next = 0
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    const lines = (rest + chunk).split('\n')
    rest = lines.pop()
    for (const line of lines) {
      const message = JSON.parse(line)
      waiting.get(message.id)?.(message)
    }
  })
  const request = (method, params) => new Promise((resolve) => {
    const id = ++next
    waiting.set(id, resolve)
    child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n')
  })
  await request('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '0' } })
  const closed = new Promise((resolve) => child.on('close', resolve))
  return { request, close: () => (child.stdin.end(), closed) }
}

const OTHER_AGENTS = resolve(import.meta.dirname, '../test/fixtures/other-agents')
const otherEvent = (file, name, tool) =>
  readFileSync(resolve(OTHER_AGENTS, file), 'utf8').trim().split('\n').map((line) => JSON.parse(line)).find((e) => e.hook_event_name === name && e.tool_name === tool)

/**
 * A file recorded by each agent CLI's hook, in the same rounds, each in a process of its own
 * on 1,000 tasks: Claude Code's Write, Codex's apply_patch (`hook --host
 * codex`), Gemini CLI's write_file (`hook --host gemini`). Each records a new file every run.
 */
export function measureHostHooks({ runs = 21 } = {}) {
  const box = makeProject(1000)
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
