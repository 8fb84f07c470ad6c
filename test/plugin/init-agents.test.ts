// tasktrail init --codex / --gemini (and doctor) on real files, through the built CLI: the
// hooks and switches each CLI needs, merged into what is there, and a second run changes nothing.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse as parseToml } from 'smol-toml'
import { describe, expect, test } from 'vitest'
import { CLI, sandbox, tasktrail, type Sandbox } from '../helpers/cli.js'

/** How doctor names this CLI, which is on no PATH here: by its full path. */
const RUN = `node '${CLI}'`

/** A sandbox whose home, Codex home and Claude Code config are its own. */
function box(): Sandbox {
  const b = sandbox()
  b.env.HOME = join(b.dir, 'user')
  b.env.CODEX_HOME = join(b.dir, 'user', '.codex')
  b.env.CLAUDE_CONFIG_DIR = join(b.dir, 'claude-config')
  mkdirSync(b.env.CODEX_HOME, { recursive: true })
  return b
}

const file = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : null)
const jsonFile = (path: string) => JSON.parse(readFileSync(path, 'utf8'))
const write = (path: string, text: string) => {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, text)
}
const commands = (settings: { hooks: Record<string, Array<{ matcher?: string; hooks: Array<{ command: string }> }>> }) =>
  Object.fromEntries(Object.entries(settings.hooks).map(([event, groups]) => [event, groups.map((g) => [g.matcher ?? '', ...g.hooks.map((h) => h.command.replace(/"[^"]*tasktrail\.js"/, 'TT'))])]))

function doctor(b: Sandbox, cwd = b.project) {
  const run = tasktrail(b, ['doctor', '--json'], { cwd })
  return Object.fromEntries((JSON.parse(run.stdout) as { checks: Array<{ name: string; ok: boolean; detail: string; fix?: string }> }).checks.map((c) => [c.name, c])) as Record<string, { ok: boolean; detail: string; fix?: string }>
}

describe('tasktrail init --codex --gemini', () => {
  test('adds the hooks to the project and the switches to config.toml, keeping what is there; a second run changes nothing', () => {
    const b = box()
    const codexHooks = join(b.project, '.codex', 'hooks.json')
    const geminiSettings = join(b.project, '.gemini', 'settings.json')
    const config = join(b.env.CODEX_HOME!, 'config.toml')
    write(codexHooks, JSON.stringify({ hooks: { Stop: [{ hooks: [{ type: 'command', command: 'notify-send done' }] }] } }))
    write(geminiSettings, JSON.stringify({ model: { name: 'gemini-2.5-pro' }, hooks: { AfterTool: [{ matcher: 'run_shell_command', hooks: [{ type: 'command', command: 'audit' }] }] } }))
    write(config, 'model = "gpt-5.5" # ours\n\n[features] # switches\nweb_search = true\nhooks = false\n\n[model_providers.fake]\nname = "Fake"\n')
    expect(doctor(b).codex).toMatchObject({ ok: true, detail: expect.stringContaining(`not installed (${RUN} init --codex`) })

    const first = tasktrail(b, ['init', '--codex', '--gemini'])
    expect(first.code, first.stderr).toBe(0)
    expect(commands(jsonFile(codexHooks))).toEqual({
      Stop: [['', 'notify-send done'], ['', 'node TT hook --host codex']],
      SessionStart: [['', 'node TT hook --host codex']],
      UserPromptSubmit: [['', 'node TT hook --host codex']],
      PostToolUse: [['update_plan|apply_patch', 'node TT hook --host codex']],
      SessionEnd: [['', 'node TT hook --host codex']]
    })
    const gemini = jsonFile(geminiSettings)
    expect(gemini.model).toEqual({ name: 'gemini-2.5-pro' })
    expect(commands(gemini)).toEqual({
      AfterTool: [['run_shell_command', 'audit'], ['write_todos|write_file|replace|run_shell_command', 'node TT hook --host gemini']],
      SessionStart: [['', 'node TT hook --host gemini']],
      BeforeAgent: [['', 'node TT hook --host gemini']],
      AfterAgent: [['', 'node TT hook --host gemini']],
      SessionEnd: [['', 'node TT hook --host gemini']]
    })
    // The switches are on; every other line, comment and table stays.
    expect(file(config)).toBe('model = "gpt-5.5" # ours\n\n[features] # switches\nweb_search = true\nhooks = true\n\n[model_providers.fake]\nname = "Fake"\n\n[tools.update_plan]\nenabled = true\n')
    expect(parseToml(file(config)!)).toMatchObject({ features: { hooks: true, web_search: true }, tools: { update_plan: { enabled: true } } })
    expect(first.stdout).toContain('[tools.update_plan] enabled = true set (without it Codex offers no plan tool')
    expect(first.stdout).toContain('Note: Codex runs new hooks only once you trust them')
    expect(first.stdout).toContain('Note: Gemini CLI offers its plan tool (write_todos) only to gemini-2 models')
    expect(existsSync(join(b.project, 'TASKS.md'))).toBe(true)
    expect(doctor(b).codex).toMatchObject({ ok: true, detail: `Codex CLI: tasktrail's hooks are in ${codexHooks}` })
    expect(doctor(b).gemini).toMatchObject({ ok: true, detail: `Gemini CLI: tasktrail's hooks are in ${geminiSettings}` })

    const before = [codexHooks, geminiSettings, config].map(file)
    const second = tasktrail(b, ['init', '--codex', '--gemini'])
    expect(second.code, second.stderr).toBe(0)
    expect([codexHooks, geminiSettings, config].map(file)).toEqual(before)
    expect(second.stdout).toContain(`${codexHooks}: tasktrail's hooks already there`)
    expect(second.stdout).toContain('[features] hooks = true already set')
  })

  test('--user installs the hooks for every project, outside any repository too; doctor names a switch turned off', () => {
    const b = box()
    const outside = join(b.dir, 'user')
    const run = tasktrail(b, ['init', '--codex', '--gemini', '--user'], { cwd: outside })
    expect(run.code, run.stderr).toBe(0)
    expect(run.stdout).toMatch(/^tasktrail init for the user\n/)
    expect(commands(jsonFile(join(b.env.CODEX_HOME!, 'hooks.json'))).PostToolUse).toEqual([['update_plan|apply_patch', 'node TT hook --host codex']])
    expect(commands(jsonFile(join(b.env.HOME!, '.gemini', 'settings.json'))).BeforeAgent).toEqual([['', 'node TT hook --host gemini']])
    expect(file(join(b.env.CODEX_HOME!, 'config.toml'))).toBe('[features]\nhooks = true\n\n[tools.update_plan]\nenabled = true\n')
    expect(doctor(b).codex).toMatchObject({ ok: true, detail: expect.stringContaining(join(b.env.CODEX_HOME!, 'hooks.json')) })
    // Without the Claude Code plugin, the project is still recorded: no problem.
    expect(doctor(b).hooks).toEqual({ name: 'hooks', ok: true, detail: 'no Claude Code hooks for this project; Codex CLI and Gemini CLI record into it' })

    writeFileSync(join(b.env.CODEX_HOME!, 'config.toml'), '[features]\nhooks = false\n')
    expect(doctor(b).codex).toMatchObject({ ok: false, detail: expect.stringContaining('lacks [features] hooks = true (without it Codex runs no hook); [tools.update_plan] enabled = true'), fix: `run ${RUN} init --codex` })
  })

  test('a config.toml or settings.json it cannot read is left alone, and nothing else is written', () => {
    const b = box()
    write(join(b.env.CODEX_HOME!, 'config.toml'), '[features\nhooks = true\n')
    const toml = tasktrail(b, ['init', '--codex'])
    expect(toml.code).not.toBe(0)
    expect(toml.stderr).toContain('config.toml is not valid TOML')
    expect(toml.stderr).toContain('it was left unchanged')
    expect(existsSync(join(b.project, 'TASKS.md'))).toBe(false)
    expect(existsSync(join(b.project, '.codex'))).toBe(false)

    write(join(b.project, '.gemini', 'settings.json'), '{ "model": ')
    const json = tasktrail(b, ['init', '--gemini'])
    expect(json.stderr).toContain('settings.json is not valid JSON')
    expect(existsSync(join(b.project, 'TASKS.md'))).toBe(false)

    // A table written as dotted keys is not edited: the person is told what to add.
    write(join(b.env.CODEX_HOME!, 'config.toml'), 'features.hooks = false\n')
    const dotted = tasktrail(b, ['init', '--codex'])
    expect(dotted.stderr).toContain('add `hooks = true` under [features] yourself')
    expect(file(join(b.env.CODEX_HOME!, 'config.toml'))).toBe('features.hooks = false\n')
  })

  test('--user alone is a usage error', () => {
    const b = box()
    const run = tasktrail(b, ['init', '--user'])
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--user goes with --codex or --gemini')
  })
})
