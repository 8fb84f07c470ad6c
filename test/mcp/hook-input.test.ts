// An mcp_tool hook's event, put back together from what Claude Code interpolates, is the event
// the command hook reads on stdin: for every event of every recording that hooks.json sends to
// the MCP server (the TaskCreated/TaskCompleted ones recorded apart, cc-*-task-events), the
// parsed events are equal. A field an adapter starts reading must be added to HOOK_INPUT, or this fails.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, test } from 'vitest'
import { parseEvent } from '../../src/hooks/event.js'
import { hookEvent, HOOK_INPUT } from '../../src/mcp/hook-input.js'
import { interpolate } from '../helpers/mcp.js'

const FIXTURES = resolve(import.meta.dirname, '../fixtures/claude-code')
/** The events hooks.json sends to the MCP server. */
const HOOKS = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../hooks/hooks.json'), 'utf8')) as { hooks: Record<string, Array<{ hooks: Array<{ type: string }> }>> }
const SERVED = new Set(Object.entries(HOOKS.hooks).filter(([, groups]) => groups.some((g) => g.hooks.some((h) => h.type === 'mcp_tool'))).map(([event]) => event))

test('the tool events and the task tools\' own events are served', () => {
  expect([...SERVED].sort()).toEqual(['PostToolUse', 'PostToolUseFailure', 'PreToolUse', 'SubagentStart', 'SubagentStop', 'TaskCompleted', 'TaskCreated'])
})

describe.each(readdirSync(FIXTURES).filter((name) => name.endsWith('.events.jsonl')))('%s', (name) => {
  const events = readFileSync(join(FIXTURES, name), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
  test('each served event reassembled parses as the event itself', () => {
    const served = events.filter((event) => SERVED.has(String(event.hook_event_name)))
    expect(served.length).toBeGreaterThan(0)
    for (const event of served) expect(parseEvent(hookEvent(interpolate(HOOK_INPUT, event)))).toEqual(parseEvent(event))
  })
})

test('absent fields stay absent, a string response stays a string, is_interrupt is a boolean', () => {
  const event = hookEvent({ hook_event_name: 'PostToolUseFailure', session_id: 's', cwd: '/p', agent_id: '', tool_response: 'plain text', is_interrupt: 'true', tool_input: '{"a":1}' })
  expect(event).toMatchObject({ agent_id: undefined, tool_response: 'plain text', is_interrupt: true, tool_input: { a: 1 } })
})
