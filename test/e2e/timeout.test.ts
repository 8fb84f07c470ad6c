// The harness's time limit on a Claude Code session ends everything the session started,
// including the shells Claude Code puts in process groups of their own: a timed-out test
// leaves no process behind (a hung slash command's `!`, or the board it waits on).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'
import { runClaude } from './claude.js'
import { startFakeAnthropic, text } from './fake-anthropic.js'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

it("a timed-out session's hung slash command is ended with it", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tasktrail-timeout-'))
  const plugin = join(dir, 'plugin')
  const project = join(dir, 'project')
  const pidFile = join(dir, 'shell.pid')
  mkdirSync(join(plugin, '.claude-plugin'), { recursive: true })
  mkdirSync(join(plugin, 'commands'))
  mkdirSync(project)
  writeFileSync(join(plugin, '.claude-plugin', 'plugin.json'), JSON.stringify({ name: 'hang', version: '0.0.1' }))
  writeFileSync(join(plugin, 'commands', 'wait.md'), `---\ndescription: waits\nallowed-tools: Bash\n---\n!\`echo $$ > ${pidFile}; sleep 300\`\n`)
  const fake = await startFakeAnthropic({ prompt: '/hang:wait', main: [[text('never reached')]] })
  try {
    const run = runClaude({ version: '2.1.332', baseUrl: fake.url, cwd: project, prompt: '/hang:wait', pluginDir: plugin, timeoutMs: 15_000 })
    await expect(run).rejects.toThrow(/timed out after 15000 ms/)
    const shell = Number(readFileSync(pidFile, 'utf8'))
    // SIGKILL is sent; the process is gone once the kernel and its new parent have reaped it.
    for (const end = Date.now() + 3_000; alive(shell) && Date.now() < end; ) await new Promise((r) => setTimeout(r, 100))
    expect(alive(shell), `the command's shell ${shell} outlived the session`).toBe(false)
  } finally {
    await fake.close()
    rmSync(dir, { recursive: true, force: true })
  }
}, 60_000)
