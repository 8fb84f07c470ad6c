import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

// A minimal Claude Code plugin whose hooks only append each event's stdin to a file: it shows
// what the real CLI hands a plugin, independent of tasktrail's own hooks.

/** The hook events seen in the recordings in test/fixtures/claude-code/. */
export const RECORDED_EVENTS = [
  'SessionStart',
  'UserPromptSubmit',
  'PreToolUse',
  'PostToolUse',
  'PostToolUseFailure',
  'SubagentStart',
  'SubagentStop',
  'Stop',
  'SessionEnd',
] as const

export interface HookEvent {
  hook_event_name: string
  session_id: string
  tool_name?: string
  agent_id?: string
  prompt?: string
  source?: string
  [field: string]: unknown
}

/** The recording plugin's directory is also a marketplace offering it, for `installPlugin`. */
export const RECORDER_PLUGIN = 'recorder'

export interface RecordingPlugin {
  pluginDir: string
  eventsFile: string
  /** The events recorded so far, in the order the hooks ran. */
  readEvents(): HookEvent[]
}

export interface RecordingPluginOptions {
  /** If set, the SessionStart hook answers with this additionalContext (followed by ` source=<source>`). */
  sessionStartContext?: string
}

export function createRecordingPlugin(dir: string, options: RecordingPluginOptions = {}): RecordingPlugin {
  const pluginDir = join(dir, 'recording-plugin')
  const eventsFile = join(dir, 'events.jsonl')
  mkdirSync(join(pluginDir, '.claude-plugin'), { recursive: true })
  mkdirSync(join(pluginDir, 'hooks'), { recursive: true })
  writeFileSync(
    join(pluginDir, '.claude-plugin', 'plugin.json'),
    JSON.stringify({ name: RECORDER_PLUGIN, version: '0.0.0', description: 'Records hook stdin (tasktrail e2e harness)' }, null, 2),
  )
  writeFileSync(
    join(pluginDir, '.claude-plugin', 'marketplace.json'),
    JSON.stringify({ name: 'tasktrail-e2e', owner: { name: 'tasktrail e2e harness' }, plugins: [{ name: RECORDER_PLUGIN, source: './' }] }, null, 2),
  )
  const hook = { type: 'command', command: 'node "${CLAUDE_PLUGIN_ROOT}/hooks/record.mjs"' }
  const hooks = Object.fromEntries(RECORDED_EVENTS.map((event) => [event, [{ hooks: [hook] }]]))
  writeFileSync(join(pluginDir, 'hooks', 'hooks.json'), JSON.stringify({ hooks }, null, 2))
  writeFileSync(join(pluginDir, 'hooks', 'record.mjs'), recorderScript(eventsFile, options.sessionStartContext))
  return {
    pluginDir,
    eventsFile,
    readEvents() {
      if (!existsSync(eventsFile)) return []
      return readFileSync(eventsFile, 'utf8')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as HookEvent)
    },
  }
}

// One appendFileSync of one short line per event: hooks of a background agent and of the main
// thread run concurrently, and O_APPEND keeps their lines whole.
function recorderScript(eventsFile: string, sessionStartContext: string | undefined): string {
  return `import { appendFileSync, readFileSync } from 'node:fs'
const event = JSON.parse(readFileSync(0, 'utf8'))
appendFileSync(${JSON.stringify(eventsFile)}, JSON.stringify(event) + '\\n')
const context = ${JSON.stringify(sessionStartContext ?? null)}
if (context !== null && event.hook_event_name === 'SessionStart') {
  process.stdout.write(JSON.stringify({
    hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext: context + ' source=' + event.source },
  }))
}
`
}
