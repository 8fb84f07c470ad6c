// tasktrail doctor on real repositories, through the built CLI, with a stand-in `claude` on
// the PATH for the version-dependent task tools.
import { spawnSync } from 'node:child_process'
import { accessSync, chmodSync, mkdirSync, writeFileSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { CLI, sandbox, tasktrail, type Sandbox } from '../helpers/cli.js'
import { startMcp } from '../helpers/mcp.js'

/** How doctor names this CLI, which is on no PATH here: by its full path. */
const RUN = `run node '${CLI}'`

interface Check {
  name: string
  ok: boolean
  detail: string
  fix?: string
}

/** A sandbox with its own Claude Code config dir, and on the PATH a `claude` of that version. */
function box(claudeVersion?: string): Sandbox {
  const b = sandbox()
  b.env.CLAUDE_CONFIG_DIR = join(b.dir, 'claude-config')
  for (const key of ['CLAUDE_CODE_ENABLE_TASKS', 'CLAUDE_CODE_ENABLE_TODO_TOOLS']) delete b.env[key]
  const bin = join(b.dir, 'bin')
  mkdirSync(bin)
  if (claudeVersion) {
    writeFileSync(join(bin, 'claude'), `#!/bin/sh\necho "${claudeVersion} (Claude Code)"\n`)
    chmodSync(join(bin, 'claude'), 0o755)
  }
  // Only git and node's directories: no claude but the stand-in.
  b.env.PATH = [bin, ...['git', 'node'].map((tool) => whichDir(tool))].join(delimiter)
  return b
}

function whichDir(tool: string): string {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    try {
      accessSync(join(dir, tool))
      return dir
    } catch {
      // Not here.
    }
  }
  throw new Error(`${tool} is not on the PATH`)
}

function doctor(b: Sandbox, env: NodeJS.ProcessEnv = {}): { code: number; checks: Record<string, Check> } {
  const run = tasktrail(b, ['doctor', '--json'], { env })
  const report = JSON.parse(run.stdout) as { ok: boolean; checks: Check[] }
  expect(report.ok).toBe(run.code === 0)
  return { code: run.code, checks: Object.fromEntries(report.checks.map((c) => [c.name, c])) }
}

describe('tasktrail doctor', () => {
  test('before init: node, SQLite and the store are fine; TASKS.md, hooks and merge driver each say what to run', () => {
    const b = box()
    const { code, checks } = doctor(b)
    expect(code).toBe(1)
    expect([checks.node?.ok, checks.sqlite?.ok, checks.store?.ok]).toEqual([true, true, true])
    expect(checks['tasks-file']).toMatchObject({ ok: false, fix: `${RUN} init` })
    expect(checks.hooks).toMatchObject({ ok: false, fix: expect.stringContaining(`${RUN} init --settings`) })
    // `plugin install` alone fails on a machine that has not added tasktrail's marketplace.
    expect(checks.hooks?.fix).toContain('claude plugin marketplace add ')
    expect(checks['merge-driver']).toMatchObject({ ok: false, fix: `${RUN} init` })
    expect(checks['claude-code']).toMatchObject({ ok: true, detail: expect.stringContaining('not on the PATH') })
  })

  test('each fix it prints, run as printed, fixes its check', () => {
    const b = box('2.1.332')
    const failing = Object.values(doctor(b).checks).filter((c) => !c.ok)
    expect(failing.map((c) => c.name).sort()).toEqual(['claude-code', 'hooks', 'merge-driver', 'tasks-file'])
    for (const check of failing) {
      // "run COMMAND (why)", or "…, or run COMMAND" after the plugin's own route.
      const command = /(?:^|, or )run (.+?)(?: \(.*\))?$/.exec(check.fix!)![1]!
      const fixed = spawnSync('sh', ['-c', command], { cwd: b.project, env: b.env, encoding: 'utf8' })
      expect(fixed.status, `${command}: ${fixed.stderr}`).toBe(0)
    }
    const { code, checks } = doctor(b)
    expect(Object.values(checks).filter((c) => !c.ok)).toEqual([])
    expect(code).toBe(0)
  })

  test('after init --settings --enable-todo-tools with Claude Code 2.1.332: all well, exit 0', () => {
    const b = box('2.1.332')
    expect(tasktrail(b, ['init', '--settings', '--enable-todo-tools']).code).toBe(0)
    const { code, checks } = doctor(b)
    expect(Object.values(checks).filter((c) => !c.ok)).toEqual([])
    expect(code).toBe(0)
    expect(checks['claude-code']?.detail).toBe('Claude Code 2.1.332 offers TaskCreate, TaskUpdate, TaskList and TaskGet (CLAUDE_CODE_ENABLE_TODO_TOOLS=1)')
    expect(checks['tasks-file']?.detail).toMatch(/TASKS\.md parses: 0 tasks$/)
    const text = tasktrail(b, ['doctor'])
    expect(text.stdout).toMatch(/^ok +node: Node\.js /m)
  })

  test('the task tools each Claude Code version offers, given the environment', () => {
    expect(doctor(box('2.1.332')).checks['claude-code']).toMatchObject({
      ok: false,
      detail: 'Claude Code 2.1.332 offers no task tools, so tasktrail records only requests, agents and files',
      fix: expect.stringContaining(`${RUN} init --enable-todo-tools`)
    })
    expect(doctor(box('2.1.332'), { CLAUDE_CODE_ENABLE_TODO_TOOLS: '1' }).checks['claude-code']?.ok).toBe(true)
    expect(doctor(box('2.1.197')).checks['claude-code']?.detail).toBe('Claude Code 2.1.197 offers TaskCreate, TaskUpdate, TaskList and TaskGet')
    expect(doctor(box('2.1.197'), { CLAUDE_CODE_ENABLE_TASKS: '0' }).checks['claude-code']?.detail).toBe('Claude Code 2.1.197 offers TodoWrite (CLAUDE_CODE_ENABLE_TASKS=0)')
    expect(doctor(box('2.1.250')).checks['claude-code']?.detail).toContain('not verified (2.1.197 and 2.1.332 were)')
  })

  test('hooks from both the plugin and settings.json are a problem: every event would be recorded twice', () => {
    const b = box()
    expect(tasktrail(b, ['init', '--settings']).code).toBe(0)
    mkdirSync(b.env.CLAUDE_CONFIG_DIR!, { recursive: true })
    writeFileSync(join(b.env.CLAUDE_CONFIG_DIR!, 'settings.json'), JSON.stringify({ enabledPlugins: { 'tasktrail@tasktrail': true } }))
    expect(doctor(b).checks.hooks).toMatchObject({ ok: false, detail: expect.stringContaining('recorded twice'), fix: expect.stringContaining('.claude/settings.json') })
  })

  test('says whether the MCP server is configured, connected and serving, which is never a problem', async () => {
    const b = box()
    expect(doctor(b).checks['mcp-server']).toMatchObject({ ok: true, detail: expect.stringMatching(/ none runs for this project now \(Claude Code starts it with a session\)$/) })
    const server = await startMcp(b)
    try {
      const event = { hook_event_name: 'PostToolUseFailure', session_id: 'doctor', cwd: b.project, tool_name: 'Bash', tool_use_id: 't1', tool_input: '{"command":"exit 3"}', error: 'Exit code 3' }
      expect(await server.call('hook', event)).toEqual({ text: '', isError: false })
      expect(doctor(b).checks['mcp-server']).toMatchObject({
        ok: true,
        detail: expect.stringMatching(new RegExp(`; connected and serving: pid ${server.child.pid} since \\S+: PostToolUseFailure 1; 0 tool calls$`))
      })
    } finally {
      expect(await server.close()).toBe(0)
    }
    expect(doctor(b).checks['mcp-server']?.detail).toMatch(/ none runs for this project now/)
  })

  test('a merge driver whose CLI is gone (a plugin updated elsewhere) is a problem with its fix', () => {
    const b = box()
    expect(tasktrail(b, ['init']).code).toBe(0)
    expect(doctor(b).checks['merge-driver']?.ok).toBe(true)
    const gone = join(b.dir, 'old "plugin"', 'bin', 'tasktrail.js')
    spawnSync('git', ['config', 'merge.tasktrail.driver', `node ${JSON.stringify(gone)} merge-driver %O %A %B %P`], { cwd: b.project })
    expect(doctor(b).checks['merge-driver']).toEqual({
      name: 'merge-driver', ok: false, detail: `the merge driver runs ${gone}, which is gone`, fix: `${RUN} init (the next Claude Code session also repoints it)`
    })
  })

  test('a TASKS.md with conflict markers is reported with the line', () => {
    const b = box()
    expect(tasktrail(b, ['init']).code).toBe(0)
    writeFileSync(join(b.project, 'TASKS.md'), '# Tasks\n\n<<<<<<< HEAD\n- [ ] a\n=======\n- [x] a\n>>>>>>> other\n')
    const { code, checks } = doctor(b)
    expect(code).toBe(1)
    expect(checks['tasks-file']).toMatchObject({ ok: false, detail: expect.stringMatching(/cannot be read as tasks: TASKS\.md line 3/) })
  })
})
