// tasktrail demo (npm start): replays a recorded Claude Code session through the hooks into
// a throwaway project; see src/hooks/demo/run-demo.ts.
import type { Command } from '../command.js'
import { runDemo } from '../../hooks/demo/run-demo.js'

const demo: Command = {
  usage: 'demo',
  summary: 'replay a recorded Claude Code session through the hooks into a throwaway project',
  positionals: [0, 0],
  options: {},
  run(invocation) {
    return runDemo({ out: invocation.output.out, cli: process.argv[1]!, env: invocation.env })
  }
}

export default demo
