// tasktrail init on real repositories, through the built CLI: what it creates, what it keeps,
// and that a second run changes nothing.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { json, sandbox, tasktrail, type Sandbox } from '../helpers/cli.js'

const TEMPLATE = readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'TASKS.md'), 'utf8')

/** A sandbox whose Claude Code user settings live in it too. */
function box(): Sandbox {
  const b = sandbox()
  b.env.CLAUDE_CONFIG_DIR = join(b.dir, 'claude-config')
  return b
}

const read = (b: Sandbox, file: string) => readFileSync(join(b.project, file), 'utf8')
const gitConfig = (b: Sandbox, key: string) => spawnSync('git', ['config', key], { cwd: b.project, encoding: 'utf8' }).stdout.trim()

/** Every file init may touch, and the driver's git config. */
function snapshot(b: Sandbox): Record<string, string | null> {
  const files = ['TASKS.md', 'CLAUDE.md', '.gitattributes', '.gitignore', '.claude/settings.json']
  return { ...Object.fromEntries(files.map((f) => [f, existsSync(join(b.project, f)) ? read(b, f) : null])), driver: gitConfig(b, 'merge.tasktrail.driver') }
}

describe('tasktrail init', () => {
  test('a new repository gets TASKS.md, the merge driver and the CLAUDE.md section; a second run changes nothing', () => {
    const b = box()
    const first = tasktrail(b, ['init'])
    expect(first.code, first.stderr).toBe(0)
    expect(read(b, 'TASKS.md')).toBe(TEMPLATE)
    expect(read(b, '.gitattributes')).toBe('TASKS.md merge=tasktrail\n')
    expect(gitConfig(b, 'merge.tasktrail.driver')).toMatch(/^node ".*bin\/tasktrail\.js" merge-driver %O %A %B %P$/)
    expect(read(b, 'CLAUDE.md')).toMatch(/^<!-- tasktrail:begin[^\n]*-->\n## Tasks \(tasktrail\)[\s\S]*<!-- tasktrail:end -->\n$/)
    // The store is in the user's home, so there is nothing to ignore.
    expect(existsSync(join(b.project, '.gitignore'))).toBe(false)
    expect(first.stdout).toContain('CLAUDE_CODE_ENABLE_TODO_TOOLS=1')
    expect(first.stdout).toContain('tasktrail init --enable-todo-tools')

    const before = snapshot(b)
    const second = tasktrail(b, ['init'])
    expect(second.code, second.stderr).toBe(0)
    expect(snapshot(b)).toEqual(before)
    expect(second.stdout).toContain('TASKS.md: exists, left as it is')
    expect(second.stdout).toContain('git merge driver: already installed')
    expect(second.stdout).toContain('CLAUDE.md: tasktrail section up to date')
  })

  test('an existing TASKS.md, CLAUDE.md and .gitattributes are kept; the section goes after what is there', () => {
    const b = box()
    writeFileSync(join(b.project, 'TASKS.md'), '# Ours\n\n- [ ] keep me\n')
    writeFileSync(join(b.project, 'CLAUDE.md'), '# Project notes\n\nUse tabs.')
    writeFileSync(join(b.project, '.gitattributes'), '*.png binary')
    expect(tasktrail(b, ['init']).code).toBe(0)
    expect(read(b, 'TASKS.md')).toBe('# Ours\n\n- [ ] keep me\n')
    expect(read(b, 'CLAUDE.md')).toMatch(/^# Project notes\n\nUse tabs\.\n\n<!-- tasktrail:begin/)
    expect(read(b, '.gitattributes')).toBe('*.png binary\nTASKS.md merge=tasktrail\n')
  })

  test('an outdated section between the markers is replaced, the rest of CLAUDE.md kept', () => {
    const b = box()
    writeFileSync(join(b.project, 'CLAUDE.md'), 'before\n<!-- tasktrail:begin -->\nold text\n<!-- tasktrail:end -->\nafter\n')
    const run = tasktrail(b, ['init'])
    expect(run.stdout).toContain('CLAUDE.md: tasktrail section updated')
    const text = read(b, 'CLAUDE.md')
    expect(text.startsWith('before\n<!-- tasktrail:begin')).toBe(true)
    expect(text.endsWith('<!-- tasktrail:end -->\nafter\n')).toBe(true)
    expect(text).not.toContain('old text')
  })

  test('a project that keeps its instructions in .claude/CLAUDE.md gets the section there', () => {
    const b = box()
    mkdirSync(join(b.project, '.claude'))
    writeFileSync(join(b.project, '.claude', 'CLAUDE.md'), '# Notes\n')
    expect(tasktrail(b, ['init']).stdout).toContain('.claude/CLAUDE.md: tasktrail section added')
    expect(read(b, '.claude/CLAUDE.md')).toMatch(/^# Notes\n\n<!-- tasktrail:begin/)
    expect(existsSync(join(b.project, 'CLAUDE.md'))).toBe(false)
  })

  test('--settings --enable-todo-tools merges into an existing settings.json without touching its other keys', () => {
    const b = box()
    const existing = {
      permissions: { allow: ['Bash(npm test)'] },
      env: { FOO: 'bar' },
      hooks: { PostToolUse: [{ matcher: 'Write', hooks: [{ type: 'command', command: 'prettier --write' }] }] }
    }
    mkdirSync(join(b.project, '.claude'))
    writeFileSync(join(b.project, '.claude', 'settings.json'), JSON.stringify(existing))
    const run = tasktrail(b, ['init', '--settings', '--enable-todo-tools'])
    expect(run.code, run.stderr).toBe(0)
    const settings = JSON.parse(read(b, '.claude/settings.json'))
    expect(settings.permissions).toEqual(existing.permissions)
    expect(settings.env).toEqual({ FOO: 'bar', CLAUDE_CODE_ENABLE_TODO_TOOLS: '1' })
    expect(settings.hooks.PostToolUse[0]).toEqual(existing.hooks.PostToolUse[0])
    const plugin = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'hooks', 'hooks.json'), 'utf8')).hooks
    expect(Object.keys(settings.hooks).sort()).toEqual(Object.keys(plugin).sort())
    // The plugin's PostToolUse runs for every tool (~5 ms each, for their time); a command hook only for the handled ones.
    expect(plugin.PostToolUse[0].matcher).toBeUndefined()
    expect(settings.hooks.PostToolUse[1].matcher).toBe('TaskCreate|TaskUpdate|TodoWrite|Agent|Task|Write|Edit|MultiEdit|NotebookEdit|ExitPlanMode|Workflow')
    expect(settings.hooks.SessionStart[0].hooks[0].command).toMatch(/^node ".*bin\/tasktrail\.js" hook$/)
    // No plugin, no MCP server: the plugin's mcp_tool hooks are the same command here.
    const handlers = Object.values(settings.hooks).flat().flatMap((group: any) => group.hooks).filter((h: any) => h.command !== 'prettier --write')
    expect(handlers.map((h: any) => [h.type, h.command])).toEqual(handlers.map(() => ['command', settings.hooks.SessionStart[0].hooks[0].command]))

    const before = snapshot(b)
    expect(tasktrail(b, ['init', '--settings', '--enable-todo-tools']).stdout).toContain("tasktrail's hooks already there")
    expect(snapshot(b)).toEqual(before)
  })

  test('--settings is refused while the plugin is enabled, and nothing is written', () => {
    const b = box()
    mkdirSync(b.env.CLAUDE_CONFIG_DIR!, { recursive: true })
    writeFileSync(join(b.env.CLAUDE_CONFIG_DIR!, 'settings.json'), JSON.stringify({ enabledPlugins: { 'tasktrail@tasktrail': true } }))
    const run = tasktrail(b, ['init', '--settings'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/the tasktrail plugin is enabled .*record every event twice\. Nothing was written/)
    expect(Object.values(snapshot(b)).every((v) => v === null || v === '')).toBe(true)
  })

  test('a settings.json that is not JSON is reported and left alone', () => {
    const b = box()
    mkdirSync(join(b.project, '.claude'))
    writeFileSync(join(b.project, '.claude', 'settings.json'), '{ "env": ')
    const run = tasktrail(b, ['init', '--enable-todo-tools'])
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/settings\.json is not valid JSON .*left unchanged/)
    expect(read(b, '.claude/settings.json')).toBe('{ "env": ')
    expect(existsSync(join(b.project, 'TASKS.md'))).toBe(false)
  })

  test('a store inside the work tree is added to .gitignore, once', () => {
    const b = box()
    b.env.TASKTRAIL_HOME = join(b.project, '.tasktrail')
    expect(tasktrail(b, ['init']).code).toBe(0)
    expect(read(b, '.gitignore')).toBe('# tasktrail store (per user, not committed)\n/.tasktrail\n')
    tasktrail(b, ['init'])
    expect(read(b, '.gitignore').match(/tasktrail store/g)).toHaveLength(1)
  })

  test('--client links the repository in the store', () => {
    const b = box()
    expect(tasktrail(b, ['init', '--client', 'Dataforth']).code).toBe(0)
    expect(json(b, ['link'])).toMatchObject({ mode: 'msp', client: 'Dataforth' })
  })

  test('outside a git repository nothing is changed', () => {
    const b = box()
    const run = tasktrail(b, ['init'], { cwd: b.dir })
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('is not in a git repository; nothing was changed')
  })
})
