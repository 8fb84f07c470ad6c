// How every tasktrail process starts (bin/tasktrail.js): a small file that loads the CLI
// (dist/tasktrail.js) from its code cache and reports what escapes it. A hook must not
// break Claude Code, so even then it exits 0.
import { join } from 'node:path'
import { codeCacheDir } from '../install/home.js'
import { requireCached } from './code-cache.js'
import { commandFirst } from './command.js'
import { writeFd } from './output.js'
import { readStdin } from './stdin.js'

type Cli = typeof import('./main.js')

async function start(): Promise<number> {
  const argv = process.argv.slice(2)
  const cli = requireCached(join(__dirname, 'tasktrail.js'), codeCacheDir(process.env), commandFirst(argv)[0]) as Cli
  return cli.runHere(argv, readStdin)
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
