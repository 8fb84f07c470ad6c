import { spawn } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

// Runs the real Codex CLI and Gemini CLI (pinned devDependencies) headless against the
// scripted servers of fake-agent-apis.ts, the way /work/shared/other-agents/ was recorded.

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const CODEX_VERSION = '0.171.0'
export const GEMINI_VERSION = '0.61.0'

export interface AgentRun {
  code: number | null
  stdout: string
  stderr: string
}

function run(binary: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<AgentRun> {
  return new Promise((done, fail) => {
    const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', binary), args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', fail)
    child.on('close', (code) => {
      clearTimeout(timer)
      done({ code, stdout, stderr })
    })
  })
}

/**
 * $CODEX_HOME/config.toml for the scripted server: a provider speaking the Responses API
 * (Codex refuses `chat`), a model slug Codex knows (an unknown one gets neither apply_patch
 * nor update_plan), no approvals, no retries. tasktrail init adds the hooks and switches.
 */
export function writeCodexConfig(codexHome: string, baseUrl: string): void {
  mkdirSync(codexHome, { recursive: true })
  writeFileSync(
    join(codexHome, 'config.toml'),
    [
      'model = "gpt-5.5"',
      'model_provider = "fake"',
      'approval_policy = "never"',
      'sandbox_mode = "danger-full-access"',
      '',
      '[model_providers.fake]',
      'name = "Fake"',
      `base_url = "${baseUrl}/v1"`,
      'wire_api = "responses"',
      'env_key = "FAKE_API_KEY"',
      'request_max_retries = 0',
      'stream_max_retries = 0',
      ''
    ].join('\n')
  )
}

/**
 * `codex exec` in `cwd`; hooks are run without the interactive trust review. `trustProject`
 * marks the project trusted first (`--trust`), without which its .codex/hooks.json is skipped.
 */
export function runCodex(cwd: string, prompt: string, env: NodeJS.ProcessEnv, { trustProject = false, timeoutMs = 90_000 } = {}): Promise<AgentRun> {
  const args = ['exec', '--json', '--dangerously-bypass-hook-trust', ...(trustProject ? ['--trust'] : []), prompt]
  return run('codex', args, cwd, { ...env, FAKE_API_KEY: 'any' }, timeoutMs)
}

/**
 * ~/.gemini/settings.json for the scripted server: an API key's auth (with only a base URL
 * the CLI picks a gateway auth that -p refuses), no updates, no telemetry.
 */
export function writeGeminiUserSettings(home: string): void {
  mkdirSync(join(home, '.gemini'), { recursive: true })
  writeFileSync(
    join(home, '.gemini', 'settings.json'),
    JSON.stringify({
      general: { enableAutoUpdate: false, enableAutoUpdateNotification: false },
      privacy: { usageStatisticsEnabled: false },
      telemetry: { enabled: false },
      security: { auth: { selectedType: 'gemini-api-key' } }
    })
  )
}

/** `gemini -p` in `cwd` with a gemini-2 model (write_todos is offered only to those), trusting the folder. */
export function runGemini(cwd: string, prompt: string, baseUrl: string, env: NodeJS.ProcessEnv, timeoutMs = 90_000): Promise<AgentRun> {
  return run(
    'gemini',
    ['-p', prompt, '-m', 'gemini-2.5-pro', '--yolo', '--output-format', 'json'],
    cwd,
    { ...env, GOOGLE_GEMINI_BASE_URL: baseUrl, GEMINI_API_KEY: 'any', GEMINI_CLI_TRUST_WORKSPACE: 'true' },
    timeoutMs
  )
}
