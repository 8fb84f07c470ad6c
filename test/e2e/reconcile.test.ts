// No event is lost when hooks are: a plugin copy whose hooks.json has none of the tool-event
// hooks (as if the MCP server never connected) records the same session as the plugin itself,
// because Stop reads the turn's tool calls back from Claude Code's transcript.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import { nasMonitoringScenario } from './scenarios.js'
import { comparable } from '../helpers/compare.js'
import { exported, newBox, play, pluginWithout, RUN_TIMEOUT_MS } from './session.js'

const DROPPED = ['PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'SubagentStart', 'SubagentStop', 'TaskCreated', 'TaskCompleted']

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
