// The peers, side by side in one run: one status change as a fresh process on 1,000 tasks,
// for Task Master, Backlog.md and tasktrail, each round interleaved with node -e 0.
// The peers are installed in bench/.peers (never dependencies of tasktrail).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchId, CLI, makeProject } from './fixtures.js'
import { NODE_BASELINE, peakMemory, summary } from './harness.js'

const PEERS = resolve(import.meta.dirname, '.peers')
const BIN = join(PEERS, 'node_modules', '.bin')
const VERSIONS = ['task-master-ai@0.43.1', 'backlog.md@1.52.0']

/** Installs the peers once; returns why they are missing, or null. */
function installPeers() {
  if (existsSync(join(BIN, 'task-master')) && existsSync(join(BIN, 'backlog'))) return null
  mkdirSync(PEERS, { recursive: true })
  // Its own package.json, or npm would install into tasktrail's.
  writeFileSync(join(PEERS, 'package.json'), '{ "name": "tasktrail-bench-peers", "private": true }\n')
  const run = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...VERSIONS], { cwd: PEERS, encoding: 'utf8' })
  return run.status === 0 ? null : `npm install ${VERSIONS.join(' ')} failed: ${run.stderr.trim().split('\n').at(-1)}`
}

const quiet = { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' }

function taskMasterProject() {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'tasktrail-peer-tm-')))
  spawnSync('git', ['init', '-q', dir])
  const init = spawnSync(join(BIN, 'task-master'), ['init', '--yes', '--skip-install'], { cwd: dir, ...quiet })
  if (init.status !== 0) throw new Error(`task-master init: ${init.stderr}`)
  mkdirSync(join(dir, '.taskmaster', 'tasks'), { recursive: true })
  const tasks = Array.from({ length: 1000 }, (_, i) => ({
    id: i + 1, title: `Task number ${i + 1} with a realistic title`, description: `Description of task ${i + 1}`,
    details: '', testStrategy: '', status: 'pending', dependencies: [], priority: 'medium', subtasks: []
  }))
  const now = new Date().toISOString()
  writeFileSync(join(dir, '.taskmaster', 'tasks', 'tasks.json'), JSON.stringify({ master: { tasks, metadata: { created: now, updated: now, description: 'Tasks for master context' } } }, null, 2))
  return dir
}

function backlogProject() {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'tasktrail-peer-backlog-')))
  spawnSync('git', ['init', '-q', dir])
  const init = spawnSync(join(BIN, 'backlog'), ['init', 'bench', '--defaults', '--integration-mode', 'none', '--check-branches', 'false', '--include-remote', 'false'], { cwd: dir, ...quiet })
  if (init.status !== 0) throw new Error(`backlog init: ${init.stderr}`)
  for (let i = 1; i <= 1000; i++) {
    const front = [`id: TASK-${i}`, `title: Task number ${i} with a realistic title`, 'status: To Do', 'assignee: []', "created_date: '2026-01-01 00:00'", 'labels: []', 'dependencies: []', `ordinal: ${i * 1000}`]
    writeFileSync(join(dir, 'backlog', 'tasks', `task-${i} - Task-number-${i}.md`), `---\n${front.join('\n')}\n---\n\n`)
  }
  return dir
}

function wall(command, args, options) {
  const start = process.hrtime.bigint()
  const result = spawnSync(command, args, { ...quiet, ...options })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}`)
  return Number(process.hrtime.bigint() - start) / 1e6
}

/** Medians, ratios to node -e 0 and peak memory of each tool; or { skipped } with the reason. */
export function measurePeers({ runs = 10 } = {}) {
  const missing = installPeers()
  if (missing) return { skipped: missing }
  const tm = taskMasterProject()
  const backlog = backlogProject()
  const ours = makeProject(1000)
  const open = Array.from({ length: 1000 }, (_, i) => i).filter((i) => i % 3 !== 0 && i % 4 !== 0)
  const tools = {
    'Task Master': (i) => [join(BIN, 'task-master'), [`set-status`, `--id=${500 + i}`, '--status=done'], { cwd: tm }],
    'Backlog.md': (i) => [join(BIN, 'backlog'), ['task', 'edit', String(500 + i), '-s', 'Done'], { cwd: backlog }],
    tasktrail: (i) => [process.execPath, [CLI, 'done', benchId(open[250 + i])], { cwd: ours.project, env: ours.env }]
  }
  const times = { node: [], ...Object.fromEntries(Object.keys(tools).map((name) => [name, []])) }
  for (let i = 0; i < runs; i++) {
    for (const [name, command] of Object.entries(tools)) {
      times.node.push(wall(...NODE_BASELINE, {}))
      times[name].push(wall(...command(i)))
    }
  }
  const baseline = summary(times.node)
  const result = { baseline, tools: {} }
  for (const [name, command] of Object.entries(tools)) {
    const [bin, args, options] = command(runs)
    result.tools[name] = { ...summary(times[name]), ratio: summary(times[name]).median / baseline.median, peakMiB: peakMemory(bin, args, options) }
  }
  return result
}

// Run as a script (by bench/run.js, on every CPU), it prints the measures as JSON.
if (process.argv[1] === fileURLToPath(import.meta.url)) process.stdout.write(JSON.stringify(measurePeers()))
