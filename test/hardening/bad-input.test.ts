// Guarantee 4: whatever arrives on stdin, `tasktrail hook` exits 0, prints nothing Claude Code
// could misread, writes one log line and leaves the store as it was. Recorded events are
// broken one field at a time (deleted, mistyped, unknown names), plus raw garbage, through
// the real hook process. test/hooks/entry.test.ts holds the hand-picked cases; this is the
// random search around them.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { changeFor } from '../../src/hooks/dispatch.js'
import { moved } from '../../src/hooks/demo/replay.js'
import { parseEvent } from '../../src/hooks/event.js'
import { sandbox, type Sandbox } from '../helpers/cli.js'
import { RECORDED_ROOT, recording, type RawEvent } from '../hooks/setup.js'
import { Session } from './events.js'
import { hookAsync, isHookOutput, logLines, storeSnapshot } from './processes.js'
import { report, scale, SOAK, TIMEOUT } from './scale.js'

const HOSTS = ['2.1.197-task-tools', '2.1.197-todowrite', '2.1.332-enable-todo-tools', '2.1.332-default'] as const

/** Every recorded event tasktrail acts on. */
const HANDLED: RawEvent[] = HOSTS.flatMap((host) => recording(host)).filter((event) => {
  try {
    return changeFor(parseEvent(event)) !== undefined
  } catch {
    return false
  }
})

const HANDLED_TOOLS = ['TaskCreate', 'TaskUpdate', 'TodoWrite', 'Agent', 'Task', 'Write', 'Edit', 'MultiEdit', 'NotebookEdit']
const HANDLED_EVENTS = ['SessionStart', 'UserPromptSubmit', 'PreToolUse', 'PostToolUse', 'PostToolUseFailure', 'SubagentStart', 'SubagentStop', 'Stop', 'SessionEnd']

/** Fields parseEvent requires, by event. */
function requiredFields(event: RawEvent): string[] {
  const fields = ['hook_event_name', 'session_id', 'cwd']
  if (typeof event.tool_name === 'string') fields.push('tool_name', 'tool_input', 'tool_use_id')
  if (event.hook_event_name === 'UserPromptSubmit') fields.push('prompt')
  if (event.hook_event_name === 'SubagentStart' || event.hook_event_name === 'SubagentStop') fields.push('agent_id')
  return fields
}

/** Optional fields parseEvent reads, by event: present with a wrong type, they make the event unreadable too. */
function typedOptionalFields(event: RawEvent): string[] {
  const own: Record<string, string[]> = {
    SessionStart: ['source', 'transcript_path'],
    PostToolUseFailure: ['error', 'is_interrupt'],
    SubagentStart: ['agent_type'],
    SubagentStop: ['last_assistant_message'],
    Stop: ['last_assistant_message'],
    SessionEnd: ['reason']
  }
  return ['prompt_id', 'agent_id', ...(own[String(event.hook_event_name)] ?? [])]
}

/** A value of the wrong type for `field` (never null: null means absent, which is allowed). */
const wrongValue = (field: string): fc.Arbitrary<unknown> =>
  field === 'tool_input'
    ? fc.oneof(fc.string(), fc.integer(), fc.array(fc.string(), { maxLength: 2 }))
    : field === 'is_interrupt'
      ? fc.oneof(fc.string(), fc.integer())
      : fc.oneof(fc.integer(), fc.boolean(), fc.array(fc.integer(), { maxLength: 2 }), fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }))

interface Input {
  what: string
  stdin: (box: Sandbox) => string | Buffer
  env?: (box: Sandbox) => NodeJS.ProcessEnv
}

const at = (box: Sandbox, event: RawEvent) => moved(event, RECORDED_ROOT, box.project)

const brokenEvent: fc.Arbitrary<Input> = fc.constantFrom(...HANDLED).chain((event) => {
  const required = requiredFields(event)
  const optional = typedOptionalFields(event).filter((field) => field in event && !required.includes(field))
  const field = fc.constantFrom(...required, ...optional)
  const deleted = fc.constantFrom(...required).map((f): Input => ({ what: `no ${f}`, stdin: (box) => JSON.stringify({ ...at(box, event), [f]: undefined }) }))
  const mistyped = field.chain((f) =>
    wrongValue(f).map((value): Input => ({ what: `${f} = ${JSON.stringify(value)}`, stdin: (box) => JSON.stringify({ ...at(box, event), [f]: value }) }))
  )
  const emptied = fc.constantFrom(...required.filter((f) => f !== 'tool_input')).map((f): Input => ({ what: `${f} = ""`, stdin: (box) => JSON.stringify({ ...at(box, event), [f]: '' }) }))
  const unknownEvent = fc
    .string({ minLength: 1, maxLength: 20 })
    .filter((name) => !HANDLED_EVENTS.includes(name))
    .map((name): Input => ({ what: `event ${name}`, stdin: (box) => JSON.stringify({ ...at(box, event), hook_event_name: name }) }))
  const variants = [deleted, mistyped, emptied, unknownEvent]
  // A PostToolUse of any tool brings its time (docs/HOOKS.md, "Time"); PreToolUse is read for Agent only.
  if (event.hook_event_name === 'PreToolUse') {
    variants.push(
      fc
        .string({ minLength: 1, maxLength: 20 })
        .filter((name) => !HANDLED_TOOLS.includes(name))
        .map((name): Input => ({ what: `tool ${name}`, stdin: (box) => JSON.stringify({ ...at(box, event), tool_name: name }) }))
    )
  }
  return fc.oneof(...variants)
})

const notAnObject = (text: string) => {
  try {
    const value = JSON.parse(text) as unknown
    return typeof value !== 'object' || value === null || Array.isArray(value)
  } catch {
    return true
  }
}

const garbage: fc.Arbitrary<Input> = fc.oneof(
  fc.string({ maxLength: 200 }).filter(notAnObject).map((text): Input => ({ what: `text ${JSON.stringify(text)}`, stdin: () => text })),
  fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)).filter(notAnObject).map((text): Input => ({ what: `JSON ${text}`, stdin: () => text })),
  fc.uint8Array({ minLength: 1, maxLength: 200 }).map((bytes): Input => ({ what: `bytes ${Buffer.from(bytes).toString('hex')}`, stdin: () => Buffer.from(bytes) }))
)

/** A well-formed event for a directory in no project. */
const noProject: fc.Arbitrary<Input> = fc.constantFrom(...HANDLED).map((event) => ({
  what: `${event.hook_event_name} outside any project`,
  stdin: (box) => JSON.stringify({ ...event, cwd: join(box.dir, 'not-a-project') }),
  env: () => ({ CLAUDE_PROJECT_DIR: '' })
}))

/** A sandbox whose store already holds a request and a task, so "no store change" means something. */
async function projectWithStore(): Promise<Sandbox> {
  const box = sandbox()
  mkdirSync(join(box.dir, 'not-a-project'))
  const session = new Session('bad-input', box.project)
  for (const event of [session.prompt('Set up monitoring'), session.taskCreate('Research').event]) {
    expect(await hookAsync(box, event)).toMatchObject({ code: 0, stderr: '' })
  }
  return box
}

/** Runs one bad input; the violations of guarantee 4 it caused. */
async function attack(box: Sandbox, input: Input): Promise<string[]> {
  const before = storeSnapshot(box)
  const lines = logLines(box).length
  const run = await hookAsync(box, input.stdin(box), input.env?.(box))
  const violations: string[] = []
  if (run.code !== 0) violations.push(`exit ${run.code}`)
  if (run.stderr !== '') violations.push(`stderr ${run.stderr.slice(0, 200)}`)
  if (!isHookOutput(run.stdout)) violations.push(`stdout ${run.stdout.slice(0, 200)}`)
  if (logLines(box).length !== lines + 1) violations.push(`${logLines(box).length - lines} log lines`)
  if (storeSnapshot(box) !== before) violations.push('the store changed')
  return violations.map((v) => `${input.what}: ${v}`)
}

describe('bad hook input (guarantee 4)', () => {
  it('every broken recorded event, garbage on stdin, an event outside any project: exit 0, one log line, no store change', async () => {
    const box = await projectWithStore()
    const runs = scale(20, 300)
    let count = 0
    await fc.assert(
      fc.asyncProperty(fc.oneof({ weight: 6, arbitrary: brokenEvent }, { weight: 2, arbitrary: garbage }, { weight: 1, arbitrary: noProject }), async (input) => {
        count++
        expect(await attack(box, input)).toEqual([])
      }),
      { numRuns: runs, seed: SOAK ? undefined : 4 }
    )
    report({ guarantee: 4, attack: 'broken recorded events, garbage stdin, no project', count, unit: 'hook processes', failures: 0 })
  }, TIMEOUT)

  it('a 10 MB tool_response: a broken one is ignored like any other, a good one is recorded without it', async () => {
    const box = await projectWithStore()
    const session = new Session('bad-input-10mb', box.project)
    const padding = 'x'.repeat(10_000_000)
    const { event } = session.taskCreate('Second task')
    const broken = { ...event, tool_response: { padding } }
    expect(await attack(box, { what: '10 MB response without task', stdin: () => JSON.stringify(broken) })).toEqual([])
    const good = { ...event, tool_response: { ...(event.tool_response as object), padding } }
    expect(await hookAsync(box, good)).toEqual({ code: 0, stdout: '', stderr: '' })
    expect(storeSnapshot(box)).toContain('Second task')
    expect(storeSnapshot(box)).not.toContain('x'.repeat(1000))
  }, TIMEOUT)

  it('a TASKTRAIL_HOME that cannot be written (a file): exit 0, nothing on stdout or stderr', async () => {
    const box = sandbox()
    const home = join(box.dir, 'home-is-a-file')
    writeFileSync(home, '')
    const event = new Session('s', box.project).prompt('Hello')
    expect(await hookAsync(box, event, { TASKTRAIL_HOME: home })).toEqual({ code: 0, stdout: '', stderr: '' })
  })
})
