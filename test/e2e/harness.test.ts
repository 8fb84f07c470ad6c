import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { HOSTS, installPlugin, runClaude, type ClaudeVersion, type HostGeneration } from './claude.js'
import { fieldsByShape, shapeOf, shapesByThread } from './event-shapes.js'
import { startFakeAnthropic, text, type FakeAnthropic, type Scenario } from './fake-anthropic.js'
import { readRecording } from './recordings.js'
import { RECORDER_PLUGIN, createRecordingPlugin, type RecordingPlugin } from './recording-plugin.js'
import { AGENT_RESULT, NOTES_FILE, SCRIPT_FILE, nasMonitoringScenario, secondSessionScenario } from './scenarios.js'

// Ground truth for the harness: with a plugin that only records hook stdin, the real CLI driven
// by the fake API must produce the same hook events as the recordings in
// test/fixtures/claude-code/ — otherwise e2e tests of tasktrail's hooks would test a fiction.

const RUN_TIMEOUT_MS = 120_000
const SESSION_CONTEXT = 'RECORDER-SESSION-CONTEXT'
const roots: string[] = []
const timings: string[] = []

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true })
  console.info(`claude runs (cold):\n  ${timings.join('\n  ')}`)
})

interface Session {
  project: string
  configDir: string
  plugin: RecordingPlugin
}

function newSession(): Session {
  const root = mkdtempSync(join(tmpdir(), 'tasktrail-e2e-harness-'))
  roots.push(root)
  const project = join(root, 'project')
  mkdirSync(project)
  return { project, configDir: join(root, 'config'), plugin: createRecordingPlugin(root, { sessionStartContext: SESSION_CONTEXT }) }
}

interface Play {
  scenario: Scenario
  version: ClaudeVersion
  env: Record<string, string>
  /** Names the run in the timings. */
  label: string
  args?: string[]
  /** Load the plugin with --plugin-dir (default) rather than rely on an installed copy. */
  pluginDir?: boolean
}

async function play(session: Session, { scenario, version, env, label, args = [], pluginDir = true }: Play): Promise<FakeAnthropic> {
  const fake = await startFakeAnthropic(scenario)
  try {
    const run = await runClaude({
      version,
      env,
      args,
      baseUrl: fake.url,
      cwd: session.project,
      prompt: scenario.prompt,
      pluginDir: pluginDir ? session.plugin.pluginDir : undefined,
      configDir: session.configDir,
    })
    timings.push(`${label}: ${run.durationMs} ms`)
    expect(run.exitCode, run.stderr).toBe(0)
    expect(run.result?.is_error, run.stdout).toBe(false)
    expect(fake.unknownRequests).toEqual([])
    return fake
  } finally {
    await fake.close()
  }
}

describe.each(Object.keys(HOSTS) as HostGeneration[])('%s', (host) => {
  const { version, env } = HOSTS[host]

  test(
    'the scripted session gives the recorded hook events',
    async () => {
      const session = newSession()
      const fake = await play(session, { scenario: nasMonitoringScenario(host, session.project), version, env, label: host })

      const events = session.plugin.readEvents()
      const recorded = readRecording(host)
      expect(shapesByThread(events)).toEqual(shapesByThread(recorded))
      expect(fieldsByShape(events)).toEqual(fieldsByShape(recorded))
      if (version === '2.1.197') {
        // Agents run synchronously there, so the whole order is fixed.
        expect(events.map(shapeOf)).toEqual(recorded.map(shapeOf))
      } else {
        const shapes = events.map(shapeOf)
        expect(shapes.indexOf('UserPromptSubmit:task-notification')).toBeGreaterThan(shapes.indexOf('SubagentStop'))
      }
      expect(new Set(events.map((e) => e.session_id)).size).toBe(1)

      expect(readFileSync(join(session.project, SCRIPT_FILE), 'utf8')).not.toBe('')
      if (host !== '2.1.197-todowrite') {
        expect(readFileSync(join(session.project, NOTES_FILE), 'utf8')).toContain('Sync-FromNAS.ps1')
      }
      expect(fake.modelSaw(`${SESSION_CONTEXT} source=startup`)).toBe(true)
      // The subagent's answer came back to the main thread.
      expect(fake.requests.some((r) => r.thread === 'main' && JSON.stringify(r.body).includes(AGENT_RESULT))).toBe(true)
    },
    RUN_TIMEOUT_MS,
  )
})

describe.each(['2.1.197', '2.1.332'] as const)('claude %s, second session', (version) => {
  test(
    'with --continue it resumes the conversation, and SessionStart context reaches the model',
    async () => {
      const session = newSession()
      const host = version === '2.1.197' ? '2.1.197-todowrite' : '2.1.332-default'
      const first = nasMonitoringScenario(host, session.project)
      await play(session, { scenario: first, version, env: HOSTS[host].env, label: `${version} first session` })
      const firstEvents = session.plugin.readEvents()

      const fake = await play(session, {
        scenario: secondSessionScenario(session.project),
        version,
        env: HOSTS[host].env,
        label: `${version} --continue`,
        args: ['--continue'],
      })

      const secondEvents = session.plugin.readEvents().slice(firstEvents.length)
      expect(secondEvents[0]).toMatchObject({ hook_event_name: 'SessionStart', source: 'resume', session_id: firstEvents[0]?.session_id })
      expect(secondEvents.map(shapeOf)).toEqual([
        'SessionStart',
        'UserPromptSubmit',
        'PreToolUse:Read',
        'PostToolUse:Read',
        'Stop',
        'SessionEnd',
      ])
      expect(fake.modelSaw(`${SESSION_CONTEXT} source=resume`)).toBe(true)
      expect(fake.modelSaw(first.prompt)).toBe(true)
    },
    2 * RUN_TIMEOUT_MS,
  )
})

test(
  'a plugin installed from a local marketplace runs its hooks without --plugin-dir (claude 2.1.332)',
  async () => {
    const session = newSession()
    const started = Date.now()
    await installPlugin('2.1.332', session.configDir, session.plugin.pluginDir, RECORDER_PLUGIN)
    timings.push(`2.1.332 marketplace add + plugin install: ${Date.now() - started} ms`)

    const scenario = { prompt: 'Say hello', main: [[text('Hello.')]] }
    const fake = await play(session, { scenario, version: '2.1.332', env: {}, label: '2.1.332 installed plugin', pluginDir: false })

    expect(session.plugin.readEvents().map(shapeOf)).toEqual(['SessionStart', 'UserPromptSubmit', 'Stop', 'SessionEnd'])
    expect(fake.modelSaw(`${SESSION_CONTEXT} source=startup`)).toBe(true)
  },
  RUN_TIMEOUT_MS,
)
