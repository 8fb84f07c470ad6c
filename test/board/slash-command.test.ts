// /tasktrail:board in a real Claude Code session (-p, against the scripted Messages API): the
// command's shell is a child of the claude process, so $PPID names the session, and the board
// started for it ends when the session ends.
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runClaude } from '../e2e/claude.js'
import { startFakeAnthropic, text } from '../e2e/fake-anthropic.js'
import { sandbox } from '../helpers/cli.js'

const PLUGIN = resolve(import.meta.dirname, '../..')

describe('/tasktrail:board', () => {
  it('gives the model the URL of a board that ends with the session', async () => {
    const box = sandbox()
    const fake = await startFakeAnthropic({ prompt: '/tasktrail:board', main: [[text('The board: see the URL above.')]] })
    try {
      const run = await runClaude({
        version: '2.1.332', baseUrl: fake.url, cwd: box.project, prompt: '/tasktrail:board', pluginDir: PLUGIN,
        env: { TASKTRAIL_HOME: box.env.TASKTRAIL_HOME! },
        // Under the test's own limit, so a hang fails with the session's output.
        timeoutMs: 90_000
      })
      expect(run.exitCode, run.stderr).toBe(0)
      const sent = fake.requests.map((r) => JSON.stringify(r.body) ?? '').join('\n')
      const url = /tasktrail board: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(sent)?.[1]
      expect(url, sent.slice(0, 2000)).toBeDefined()
      expect(sent).toContain(`It shows ${box.project} and ends with this Claude Code session`)
      // The session is over: within the board's check interval, nothing answers there any more.
      let answer: number | string = 0
      for (const end = Date.now() + 5_000; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
        // Bounded: a port that takes the request and never answers must not hold the test.
        answer = await fetch(url!, { signal: AbortSignal.timeout(1_000) }).then((r) => r.status, (e: Error) => (e.name === 'TimeoutError' ? 'no answer' : 'refused'))
        if (answer === 'refused') break
      }
      expect(answer).toBe('refused')
    } finally {
      await fake.close()
    }
  }, 120_000)
})
