// How every tasktrail process starts (bin/tasktrail.js): a small file that requires the CLI
// (dist/tasktrail.js) and reports what escapes it. A hook must not break Claude Code, so
// even then it exits 0.
import { writeFd } from './output.js'
import { readStdin } from './stdin.js'

type Cli = typeof import('./main.js')

async function start(): Promise<number> {
  const cli = require('./tasktrail.js') as Cli
  return cli.runHere(process.argv.slice(2), readStdin)
}

start().then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    writeFd(2, `tasktrail: internal error: ${(error as Error)?.stack ?? String(error)}\n`)
    process.exitCode = process.argv[2] === 'hook' ? 0 : 1
  }
)
