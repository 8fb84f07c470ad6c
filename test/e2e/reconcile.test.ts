// No event is lost when hooks are: a plugin copy whose hooks.json has none of the tool-event
// hooks (as if the MCP server never connected) records the same session as the plugin itself,
// because Stop reads the turn's tool calls back from Claude Code's transcript.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { nasMonitoringScenario } from './scenarios.js'
import { comparable } from '../helpers/compare.js'
import { exported, newBox, play, REPO_ROOT, RUN_TIMEOUT_MS, type Box } from './session.js'

const DROPPED = ['PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'SubagentStart', 'SubagentStop']

/** This plugin, with the hooks of `dropped` events left out of its hooks.json. */
function pluginWithout(box: Box, dropped: readonly string[]): string {
  const dir = mkdtempSync(join(box.root, 'plugin-'))
  for (const entry of ['bin', 'dist', 'commands', 'node_modules', '.claude-plugin', '.mcp.json', 'package.json']) symlinkSync(join(REPO_ROOT, entry), join(dir, entry))
  const hooks = JSON.parse(readFileSync(join(REPO_ROOT, 'hooks', 'hooks.json'), 'utf8')) as { hooks: Record<string, unknown> }
  for (const event of dropped) delete hooks.hooks[event]
  mkdirSync(join(dir, 'hooks'))
  writeFileSync(join(dir, 'hooks', 'hooks.json'), JSON.stringify(hooks))
  return dir
}

describe.each(['2.1.197-task-tools', '2.1.332-enable-todo-tools'] as const)('%s', (host) => {
  test('a session whose tool-event hooks never ran leaves the store an undisturbed run leaves', async () => {
    const undisturbed = newBox()
    await play(undisturbed, host, nasMonitoringScenario(host, undisturbed.project))
    const dropped = newBox()
    await play(dropped, host, nasMonitoringScenario(host, dropped.project), [], pluginWithout(dropped, DROPPED))

    expect(readFileSync(dropped.debugLog, 'utf8')).not.toContain('mcp_tool calling')
    expect(comparable(exported(dropped))).toEqual(comparable(exported(undisturbed)))
    expect(readFileSync(join(dropped.home, 'hook.log'), 'utf8')).toMatch(/Stop \S+ \d+ events of this turn had reached no hook; applied from the transcript\n$/)
  }, 2 * RUN_TIMEOUT_MS)
})
