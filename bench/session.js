// Hook overhead per tool call in a real Claude Code session, from Claude Code's own timings
// (--debug-file; 2.1.332 logs how long each command hook ran, and when an mcp_tool hook's
// call left and its answer came back). One scripted session of 89 tool calls (TaskCreate,
// TaskUpdate, Write, Edit, a failing Bash, and a Bash, a Read and a ToolSearch that only bring
// their time), played by the real CLI against the scripted API of test/e2e/, alternately:
//   before: every hook a command (`node bin/tasktrail.js hook`), as hooks from settings run
//           (PostToolUse for the handled tools only: 64 hooks), or the plugin directory given
//           with --before (e.g. a checkout of the previous main);
//   after:  this plugin, whose tool events go to its MCP server as mcp_tool hooks, PostToolUse
//           for every tool (89 hooks);
//   floor:  the same hooks to a server that answers every call at once and does nothing,
//           which leaves what Claude Code itself spends on an mcp_tool hook.
// `node bench/session.js [--rounds N] [--before DIR]` prints JSON (--before defaults to
// $TASKTRAIL_BENCH_BEFORE); bench/run.js adds the rows.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import { build } from 'esbuild'
import { percentiles } from './hooks.js'

const ROOT = resolve(import.meta.dirname, '..')
const CLAUDE = join(ROOT, 'node_modules', 'claude-code-2.1.332', 'bin', 'claude.exe')
const STEPS = 12

/** test/e2e/fake-anthropic.ts, built for plain Node. */
async function fakeAnthropic(dir) {
  const outfile = join(dir, 'fake-anthropic.mjs')
  await build({ entryPoints: [join(ROOT, 'test', 'e2e', 'fake-anthropic.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' })
  return import(pathToFileURL(outfile).href)
}

/** 12 planned steps, each started, written, edited and completed; a failing command every third. */
function scenario({ text, toolUse }, project) {
  const main = [[toolUse('ToolSearch', { query: 'select:TaskCreate,TaskUpdate', max_results: 5 })]]
  for (let i = 1; i <= STEPS; i++) main.push([toolUse('TaskCreate', { subject: `Step ${i}`, description: `Part ${i} of the work`, activeForm: `Doing step ${i}` })])
  for (let i = 1; i <= STEPS; i++) {
    const file = join(project, 'src', `step-${i}.ts`)
    main.push(
      [toolUse('TaskUpdate', { taskId: String(i), status: 'in_progress' })],
      [toolUse('Bash', { command: `ls ${join(project, 'src')} || true`, description: 'List the sources' })],
      [toolUse('Write', { file_path: file, content: `export const step${i} = ${i}\n` })],
      [toolUse('Read', { file_path: file })],
      [toolUse('Edit', { file_path: file, old_string: `= ${i}`, new_string: `= ${i * 10}`, replace_all: false })],
      [toolUse('TaskUpdate', { taskId: String(i), status: 'completed' })]
    )
    if (i % 3 === 0) main.push([toolUse('Bash', { command: `exit ${i}`, description: 'Check the step' })])
  }
  main.push([text('All steps done.')])
  return { prompt: 'Build the twelve steps of the pipeline', main }
}

/** This plugin with every hook a command and no MCP server: how every hook ran before. */
function commandHookPlugin(dir) {
  const plugin = join(dir, 'command-hooks')
  mkdirSync(join(plugin, 'hooks'), { recursive: true })
  for (const entry of ['bin', 'dist', 'commands', '.claude-plugin', 'package.json']) cpSync(join(ROOT, entry), join(plugin, entry), { recursive: true })
  symlinkSync(join(ROOT, 'node_modules'), join(plugin, 'node_modules'))
  const hooks = JSON.parse(readFileSync(join(ROOT, 'hooks', 'hooks.json'), 'utf8'))
  const command = 'node "${CLAUDE_PLUGIN_ROOT}/bin/tasktrail.js" hook'
  for (const group of Object.values(hooks.hooks).flat()) group.hooks = group.hooks.map((h) => (h.type === 'mcp_tool' ? { type: 'command', command, timeout: h.timeout } : h))
  // As `init --settings` writes them (src/install/settings.ts): a command hook only for the handled tools.
  hooks.hooks.PostToolUse = hooks.hooks.PostToolUse.map((group) => ({ matcher: 'TaskCreate|TaskUpdate|TodoWrite|Agent|Task|Write|Edit|MultiEdit|NotebookEdit|ExitPlanMode|Workflow', ...group }))
  writeFileSync(join(plugin, 'hooks', 'hooks.json'), JSON.stringify(hooks, null, 2))
  return plugin
}

/** A server that answers initialize, tools/list and every tools/call at once, doing nothing. */
const NOOP_SERVER = `
let rest = ''
process.stdin.setEncoding('utf8').on('data', (chunk) => {
  const lines = (rest + chunk).split('\\n')
  rest = lines.pop()
  for (const line of lines) {
    const m = JSON.parse(line)
    if (m.id === undefined) continue
    const result = m.method === 'initialize' ? { protocolVersion: m.params.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'noop', version: '0' } }
      : m.method === 'tools/list' ? { tools: [] } : { content: [{ type: 'text', text: '' }] }
    process.stdout.write(JSON.stringify({ jsonrpc: '2.0', id: m.id, result }) + '\\n')
  }
})
`

/** This plugin with its MCP server replaced by one that does nothing. */
function noopServerPlugin(dir) {
  const plugin = join(dir, 'noop-server')
  mkdirSync(plugin)
  for (const entry of ['bin', 'dist', 'commands', '.claude-plugin', 'package.json', 'hooks']) cpSync(join(ROOT, entry), join(plugin, entry), { recursive: true })
  symlinkSync(join(ROOT, 'node_modules'), join(plugin, 'node_modules'))
  writeFileSync(join(plugin, 'noop.cjs'), NOOP_SERVER)
  writeFileSync(join(plugin, '.mcp.json'), JSON.stringify({ mcpServers: { tasktrail: { command: 'node', args: ['${CLAUDE_PLUGIN_ROOT}/noop.cjs'] } } }))
  return plugin
}

const TIME = /^(\d{4}-\d\d-\d\dT[\d:.]+Z) /
const COMMAND_HOOK = /Hooks: (PreToolUse|PostToolUse|PostToolUseFailure):\S+ \[.*\] \(plugin tasktrail@\S+\) finished with status \d+ \((\d+)ms\)/
const MCP_CALL = /Hooks: mcp_tool calling plugin:tasktrail:\S+\/hook /
const MCP_DONE = /Hook output does not start with|Hooks: mcp_tool hook (skipped|refused|failed)|Hook (PreToolUse|PostToolUse|PostToolUseFailure) \(/

/** Each tool-event hook's duration (ms) in a debug log. */
export function hookDurations(log) {
  const durations = []
  let calling
  for (const line of log.split('\n')) {
    const command = COMMAND_HOOK.exec(line)
    if (command) durations.push(Number(command[2]))
    const at = TIME.exec(line)?.[1]
    if (MCP_CALL.test(line)) calling = Date.parse(at)
    else if (calling !== undefined && MCP_DONE.test(line)) {
      durations.push(Date.parse(at) - calling)
      calling = undefined
    }
  }
  return durations
}

async function session(fake, plugin, dir, name) {
  const box = realpathSync(mkdtempSync(join(dir, `${name}-`)))
  const project = join(box, 'project')
  spawnSync('git', ['init', '-q', project])
  const config = join(box, 'config')
  mkdirSync(join(config, 'tmp'), { recursive: true })
  const script = scenario(fake, project)
  const api = await fake.startFakeAnthropic(script)
  const debug = join(box, 'debug.log')
  const env = { ...process.env, IS_SANDBOX: '1', CLAUDE_CONFIG_DIR: config, TMPDIR: join(config, 'tmp'), ANTHROPIC_BASE_URL: api.url, ANTHROPIC_API_KEY: 'fake',
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1', CLAUDE_CODE_ENABLE_TODO_TOOLS: '1', TASKTRAIL_HOME: join(box, 'home') }
  for (const key of Object.keys(env)) if (key.startsWith('OTEL_') || key === 'CLAUDECODE' || key === 'CLAUDE_PROJECT_DIR') delete env[key]
  try {
    const args = ['-p', script.prompt, '--output-format', 'json', '--permission-mode', 'bypassPermissions', '--plugin-dir', plugin, '--debug-file', debug]
    const code = await new Promise((done, fail) => spawn(CLAUDE, args, { cwd: project, env, stdio: 'ignore' }).on('error', fail).on('close', done))
    if (code !== 0) throw new Error(`claude exited ${code} (${name})`)
  } finally {
    await api.close()
  }
  return hookDurations(readFileSync(debug, 'utf8'))
}

export async function measureSession({ rounds = 2, before } = {}) {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'tasktrail-bench-session-')))
  try {
    const fake = await fakeAnthropic(dir)
    const plugins = { before: before ? resolve(before) : commandHookPlugin(dir), after: ROOT, floor: noopServerPlugin(dir) }
    const durations = { before: [], after: [], floor: [] }
    for (let round = 0; round < rounds; round++) {
      for (const [name, plugin] of Object.entries(plugins)) {
        const measured = await session(fake, plugin, dir, name)
        if (measured.length < 50) throw new Error(`${name}: ${measured.length} tool-event hooks in the debug log, expected 64 or more`)
        durations[name].push(...measured)
      }
    }
    return { ...Object.fromEntries(Object.entries(durations).map(([name, values]) => [name, percentiles(values)])), perSession: durations.after.length / rounds }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({ options: { rounds: { type: 'string' }, before: { type: 'string' } } })
  const before = values.before ?? process.env.TASKTRAIL_BENCH_BEFORE
  process.stdout.write(JSON.stringify(await measureSession({ rounds: Number(values.rounds ?? 2), before })) + '\n')
}
