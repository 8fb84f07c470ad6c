// tasktrail demo (npm start): replays a recorded Claude Code session through the hooks into
// a throwaway project; see src/hooks/demo/run-demo.ts. Loaded lazily: the recording it
// carries would otherwise be parsed by every command and every hook.
import type { Command } from '../command.js'

const demo: Command = {
  usage: 'demo',
  summary: 'replay a recorded Claude Code session through the hooks into a throwaway project',
  positionals: [0, 0],
  options: {},
  async run(invocation) {
    const { runDemo } = await import('../../hooks/demo/run-demo.js')
    return runDemo({ out: invocation.output.out, cli: process.argv[1]!, env: invocation.env })
  }
}

export default demo
