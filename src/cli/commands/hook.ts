// tasktrail hook: the single entry point of every Claude Code hook (hooks/hooks.json).
// Reads one event from stdin to the end and always exits 0 (see src/hooks/run.ts).
import { readFileSync } from 'node:fs'
import type { Command } from '../command.js'
import { writeFd } from '../output.js'
import { runHook } from '../../hooks/run.js'

// Claude Code gives stdin as a pipe: reading fd 0 directly spares creating process.stdin
// (a net.Socket, and the modules behind it) on every hook. A non-blocking stdin (EAGAIN)
// is read through the stream instead.
async function readStdin(): Promise<string> {
  try {
    return readFileSync(0, 'utf8')
  } catch (error) {
    if ((error as { code?: string }).code !== 'EAGAIN') throw error
    const chunks: Buffer[] = []
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
    return Buffer.concat(chunks).toString('utf8')
  }
}

const hook: Command = {
  usage: 'hook < EVENT.json',
  summary: 'apply one Claude Code hook event from stdin (used by the plugin)',
  positionals: [0, 0],
  options: {},
  async run(invocation) {
    const stdout = await runHook(await readStdin(), invocation.env)
    if (stdout) writeFd(1, stdout)
    return 0
  }
}

export default hook
