// `tasktrail board`: the project's live board in a browser (src/board/, loaded only here).
import { spawn } from 'node:child_process'
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { alive } from '../../install/alive.js'
import { tasktrailHome } from '../../install/home.js'
import { storePath } from '../../store/paths.js'
import type { Store } from '../../store/store.js'
import { ownStores } from '../../store/stores.js'
import { text, type Command, type Host } from '../command.js'
import { openContext } from '../context.js'
import { CliError, usageError } from '../errors.js'
import { bufferedOutput } from '../output.js'
import { describeReport } from './sync.js'

type Main = (argv: string[], host: Host) => Promise<number>

/** How long a background board may take to listen before its start counts as failed. */
const START_LIMIT_MS = 20_000

/** Set in the background board's own process, which serves; its parent only relays the URL. */
const DETACHED = 'TASKTRAIL_BOARD_DETACHED'

function whole(raw: string | undefined, name: string, least: number, most: number): number | undefined {
  if (raw === undefined) return undefined
  const value = Number(raw)
  if (!Number.isInteger(value) || value < least || value > most) throw usageError(`--${name} takes a whole number from ${least} to ${most}; got "${raw}"`)
  return value
}

/** Opens the URL in the person's browser; a machine without one only misses the convenience. */
function openBrowser(url: string): void {
  const [command, args] = process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '', url]] : ['xdg-open', [url]]
  const child = spawn(command as string, args as string[], { detached: true, stdio: 'ignore' })
  child.on('error', () => {})
  child.unref()
}

export function boardCommand(main: Main): Command {
  return {
    usage: 'board [--port N] [--open] [--owner PID]',
    summary: "serve this project's live board on 127.0.0.1 and print its URL, until Ctrl-C",
    positionals: [0, 0],
    options: { port: { type: 'string' }, open: { type: 'boolean' }, owner: { type: 'string' } },
    async run(invocation) {
      const { values, env, output } = invocation
      const port = whole(text(values, 'port'), 'port', 0, 65_535) ?? 0
      const owner = whole(text(values, 'owner'), 'owner', 1, 2 ** 31 - 1)
      const context = openContext(invocation)
      const db = storePath(env, invocation.globals.db)
      const lifetime = await import('../../board/lifetime.js')
      const record = owner === undefined ? undefined : lifetime.boardRecord(tasktrailHome(env), owner, context.project.root)

      if (owner !== undefined && env[DETACHED] !== '1') {
        if (!alive(owner)) throw new CliError(`no process ${owner} is running, so a board for it would end at once; nothing was started`)
        const running = lifetime.runningBoard(record!)
        const url = running?.url ?? (await startInBackground(invocation.cwd, env, ['board', '--port', String(port), '--owner', String(owner), '-C', context.project.root, '--db', db]))
        output.out(`tasktrail board: ${url}`)
        output.out(`It shows ${context.project.root} and ends with this Claude Code session (or run ${context.cli} board in a terminal).`)
        if (values.open) openBrowser(url)
        return
      }

      const { startBoard } = await import('../../board/server.js')
      const stores = {
        open: (path: string) => (path === db ? context.store : ownStores.open(path)),
        release: (store: Store) => store !== context.store && store.close()
      }
      const board = await startBoard({
        store: context.store,
        project: context.project,
        repo: context.repo,
        port,
        describe: describeReport,
        log: (line) => output.err(`${new Date().toTimeString().slice(0, 8)} ${line}`),
        async run(argv) {
          const captured = bufferedOutput(false)
          const code = await main([argv[0]!, '-C', context.project.root, '--db', db, ...argv.slice(1)], { output: captured, env, cwd: context.project.root, stdin: async () => '', stores })
          return { code, ...captured.text() }
        }
      }).catch((error: unknown) => {
        if ((error as { code?: string }).code !== 'EADDRINUSE') throw error
        throw new CliError(`port ${port} on 127.0.0.1 is taken; nothing was started: choose another with --port N, or leave --port out for a free one`)
      })
      const stop = new AbortController()
      const onSignal = () => stop.abort()
      process.once('SIGINT', onSignal).once('SIGTERM', onSignal)
      let forget = () => {}
      if (owner !== undefined) {
        forget = lifetime.keepRecord(record!, { pid: process.pid, url: board.url })
        process.send?.({ url: board.url })
        process.disconnect?.()
        await lifetime.ownerGone(owner, stop.signal)
      } else {
        output.out(board.url)
        output.err(`board of ${context.project.root}; Ctrl-C stops`)
        if (values.open) openBrowser(board.url)
        await new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }))
      }
      forget()
      await board.close()
      context.store.close()
      process.off('SIGINT', onSignal).off('SIGTERM', onSignal)
    }
  }
}

/** Starts the board in a process of its own and gives back its URL once it listens; what it logs goes to board.log. */
function startInBackground(cwd: string, env: NodeJS.ProcessEnv, argv: string[]): Promise<string> {
  const home = tasktrailHome(env)
  mkdirSync(home, { recursive: true })
  const log = join(home, 'board.log')
  const fd = openSync(log, 'a')
  const from = fstatSync(fd).size
  const said = () => {
    const text = readFileSync(log, 'utf8').slice(from).trim()
    return text ? `: ${text}` : ''
  }
  let timer: NodeJS.Timeout | undefined
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [process.argv[1]!, ...argv], { cwd, detached: true, stdio: ['ignore', fd, fd, 'ipc'], env: { ...env, [DETACHED]: '1' } })
    child.once('error', reject)
    child.once('message', (message: { url?: string }) => {
      child.disconnect()
      child.unref()
      resolve(message.url!)
    })
    child.once('exit', (code) => reject(new CliError(`the board did not start (exit ${code})${said()}; nothing else was changed`)))
    // The slash command's shell waits for this one: a board that never listens must not hold the session.
    timer = setTimeout(() => {
      child.kill()
      reject(new CliError(`the board did not start listening within ${START_LIMIT_MS / 1000} s and was stopped${said()}; nothing else was changed`))
    }, START_LIMIT_MS)
  }).finally(() => {
    clearTimeout(timer)
    closeSync(fd)
  })
}
