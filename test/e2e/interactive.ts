// The real interactive Claude Code CLI (not -p), driven in tmux: plan mode is offered only
// there on 2.1.332. The first-run dialogs are accepted beforehand in the config dir's
// .claude.json (onboarding, the project's trust, the API key, bypass mode), as the recordings
// of the interactive captures were made. Each run has its own tmux server (-S, a socket in its
// config dir), ended with the session.
import { spawnSync } from 'node:child_process'
import { mkdirSync, realpathSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { claudeBinary, type ClaudeVersion } from './claude.js'

const API_KEY = 'sk-ant-fake-key-for-the-scripted-api-0123456789'

export interface InteractiveOptions {
  version: ClaudeVersion
  baseUrl: string
  cwd: string
  prompt: string
  pluginDir: string
  configDir: string
  env?: Record<string, string>
  /** Whether the model was asked anything yet: the prompt was submitted. */
  submitted: () => boolean
  /** Keys to send when the screen shows a text, e.g. the plan dialog. */
  answers?: Array<{ screen: string; keys: string[] }>
  /**
   * The text of the session's last message: once it shows and no hook runs any more (seen on
   * two looks a second apart), the session is ended with /exit, so that SessionEnd runs.
   */
  lastMessage: string
  timeoutMs?: number
}

export interface InteractiveRun {
  /** The last screen seen, for failure messages. */
  screen: string
  durationMs: number
}

/** The dialogs a first start shows, answered in advance. */
export function acceptFirstRunDialogs(configDir: string, projectDir: string): void {
  mkdirSync(configDir, { recursive: true })
  const state = {
    hasCompletedOnboarding: true,
    bypassPermissionsModeAccepted: true,
    customApiKeyResponses: { approved: [API_KEY.slice(-20)], rejected: [] },
    projects: { [realpathSync(projectDir)]: { hasTrustDialogAccepted: true, allowedTools: [] } }
  }
  writeFileSync(join(configDir, '.claude.json'), JSON.stringify(state))
}

// The outer environment may itself be a Claude Code session, or carry real credentials.
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('ANTHROPIC_') && !key.startsWith('CLAUDE') && !key.startsWith('OTEL_') && key !== 'TMUX')
  )
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const shellQuote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`

export async function runInteractive(options: InteractiveOptions): Promise<InteractiveRun> {
  const started = Date.now()
  const timeoutMs = options.timeoutMs ?? 120_000
  const socket = join(options.configDir, 'tmux.sock')
  // The tmux server passes its own environment on to the CLI: only what the harness allows.
  const tmux = (...args: string[]) => spawnSync('tmux', ['-S', socket, ...args], { encoding: 'utf8', env: cleanEnv() })
  const tmpDir = join(options.configDir, 'tmp')
  mkdirSync(tmpDir, { recursive: true })
  acceptFirstRunDialogs(options.configDir, options.cwd)
  const env: Record<string, string> = {
    IS_SANDBOX: '1',
    CLAUDE_CONFIG_DIR: options.configDir,
    CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: '1',
    ANTHROPIC_BASE_URL: options.baseUrl,
    ANTHROPIC_API_KEY: API_KEY,
    TMPDIR: tmpDir,
    TERM: 'xterm-256color',
    ...options.env
  }
  const command = [
    'env', ...Object.entries(env).map(([k, v]) => shellQuote(`${k}=${v}`)),
    shellQuote(claudeBinary(options.version)), '--permission-mode', 'bypassPermissions', '--plugin-dir', shellQuote(options.pluginDir)
  ].join(' ')
  const created = tmux('new-session', '-d', '-s', 'cc', '-x', '200', '-y', '50', '-c', options.cwd, command)
  if (created.status !== 0) throw new Error(`tmux new-session failed (is tmux installed?): ${created.error?.message ?? created.stderr}`)
  const screen = () => tmux('capture-pane', '-p', '-t', 'cc').stdout ?? ''
  const alive = () => tmux('has-session', '-t', 'cc').status === 0
  const keys = (...k: string[]) => tmux('send-keys', '-t', 'cc', ...k)
  const waitFor = async (ready: () => boolean, what: string) => {
    while (!ready()) {
      if (Date.now() - started > timeoutMs) throw new Error(`claude ${options.version}: timed out waiting for ${what}\n--- screen\n${screen()}`)
      await sleep(200)
    }
  }
  let lastScreen = ''
  try {
    // The input box is ready when its hint line shows.
    await waitFor(() => /for shortcuts|bypass permissions/i.test(screen()), 'the input box')
    keys('-l', options.prompt)
    // Under load the CLI may still take the typed text for a paste and swallow the Enter:
    // press it again until the model is asked.
    for (let tries = 0; !options.submitted(); tries++) {
      if (tries === 10) throw new Error(`claude ${options.version}: the prompt was never submitted\n--- screen\n${screen()}`)
      await sleep(500)
      keys('Enter')
      for (const until = Date.now() + 3000; !options.submitted() && Date.now() < until; ) await sleep(100)
    }
    // A dialog answered too early (still drawing) stays: it is answered again while it shows.
    const answeredAt = new Map<string, number>()
    // The screen wraps long lines: the message's first words are enough.
    const last = options.lastMessage.slice(0, 60)
    let quietSince = 0
    await waitFor(() => {
      const shown = screen()
      for (const answer of options.answers ?? []) {
        if (!shown.includes(answer.screen) || Date.now() - (answeredAt.get(answer.screen) ?? 0) < 1500) continue
        answeredAt.set(answer.screen, Date.now())
        keys(...answer.keys)
      }
      const quiet = shown.includes(last) && !/running \w+ hooks?/i.test(shown)
      if (!quiet) quietSince = 0
      else if (quietSince === 0) quietSince = Date.now()
      return quietSince > 0 && Date.now() - quietSince >= 1000
    }, 'the session to finish its work')
    lastScreen = screen()
    keys('-l', '/exit')
    await sleep(300)
    keys('Enter')
    await waitFor(() => !alive(), 'the CLI to exit')
    return { screen: lastScreen, durationMs: Date.now() - started }
  } finally {
    tmux('kill-server')
  }
}
