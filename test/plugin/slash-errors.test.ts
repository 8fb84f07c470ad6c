// A slash command whose tasktrail command fails still tells the user why: Claude Code drops the
// prompt when a command's `!` exits non-zero (2.1.197 answers nothing at all, 2.1.332 only
// "Shell command failed for pattern …" with the whole command line), so the commands pass
// tasktrail's message, stderr included, to the model as their output.
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runClaude, type ClaudeVersion } from '../e2e/claude.js'
import { startFakeAnthropic, text } from '../e2e/fake-anthropic.js'
import { sandbox } from '../helpers/cli.js'

const PLUGIN = resolve(import.meta.dirname, '../..')

describe('a slash command that fails', () => {
  it.each(['2.1.197', '2.1.332'] as ClaudeVersion[])("gives the model tasktrail's message (%s)", async (version) => {
    const box = sandbox()
    const prompt = '/tasktrail:tasks-show zzz'
    const fake = await startFakeAnthropic({ prompt, main: [[text('No task has that id.')]] })
    try {
      const run = await runClaude({ version, baseUrl: fake.url, cwd: box.project, prompt, pluginDir: PLUGIN, env: { TASKTRAIL_HOME: box.env.TASKTRAIL_HOME! } })
      expect(run.exitCode, run.stderr).toBe(0)
      expect(run.result?.result).toBe('No task has that id.')
      expect(fake.modelSaw('tasktrail: no task has an id starting with "t-zzz"')).toBe(true)
    } finally {
      await fake.close()
    }
  }, 120_000)
})
