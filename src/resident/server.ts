// The resident process: runs the hooks and quick commands that clients hand it over a Unix
// socket, one at a time, with the CLI already loaded and the store kept open. That is what
// a hook costs otherwise, on every tool call: starting the CLI and opening the store.
//
// It ends on its own: after the last session it served ends (SessionEnd), after IDLE_MS
// without a request, when its socket is removed or taken over, or when its build on disk
// changes (it would load newer lazy files into older code).
import { chmodSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { createServer, type Socket } from 'node:net'
import type { Host } from '../cli/command.js'
import { bufferedOutput } from '../cli/output.js'
import { fileId, KeptStores } from '../store/stores.js'
import { ask, type Reply, type Request } from './protocol.js'
import type { ResidentAddress } from './address.js'

/** Runs one command as the CLI does (src/cli/main.ts). */
export type RunCommand = (argv: string[], host: Host) => Promise<number>

const IDLE_MS = 15 * 60_000
const CHECK_MS = 2_000

export interface Stop {
  why: string
  /** An unexpected error ended it (worth a line in hook.log). */
  failed: boolean
}

export interface Resident {
  /** Resolves when the process has stopped serving. */
  stopped: Promise<Stop>
  /** Stops serving (a signal): those waiting run their commands themselves. */
  stop(why: string): void
}

/** Makes the socket's directory private to this user, or says why it cannot be. */
function privateDir(dir: string): string | undefined {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
  const stat = statSync(dir)
  if (process.getuid && stat.uid !== process.getuid()) return `${dir} belongs to another user`
  return undefined
}

/**
 * Moves into the client's directory, so that a path resolved against the process's own
 * (a relative TASKTRAIL_HOME, say) means what it meant to the client; false if it is gone.
 */
function enter(cwd: string): boolean {
  try {
    process.chdir(cwd)
    return true
  } catch {
    return false
  }
}

function readRequest(connection: Socket): Promise<Request | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    connection.on('data', (chunk: Buffer) => chunks.push(chunk))
    connection.on('error', () => resolve(undefined))
    connection.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Request)
      } catch {
        resolve(undefined)
      }
    })
  })
}

const PING: Request = { argv: ['serve'], env: {}, cwd: '/', stdin: '', color: false }

/** Removes the sockets nobody listens on: left by processes that were killed, of any build. */
async function removeDeadSockets(dir: string): Promise<void> {
  const sockets = readdirSync(dir).filter((name) => name.endsWith('.sock')).map((name) => join(dir, name))
  await Promise.all(sockets.map(async (socket) => {
    if ((await ask(socket, PING, 2_000)) === 'unreached') rmSync(socket, { force: true })
  }))
}

/**
 * Starts serving at `address`, or says why not (another process serves it already, or the
 * directory is not private). `current` tells whether this process still runs the build on
 * disk at that address.
 */
export async function startResident(address: ResidentAddress, run: RunCommand, current: () => boolean): Promise<Resident | string> {
  const unsafe = privateDir(address.dir)
  if (unsafe) return `not started: ${unsafe}`
  if ((await ask(address.socket, PING, 2_000)) !== 'unreached') return 'not started: another resident process serves this build'
  await removeDeadSockets(address.dir)
  const stores = new KeptStores()
  const sessions = new Set<string>()
  const connections = new Set<Socket>()
  const started = Date.now()
  let served = 0
  let queue = Promise.resolve()
  let idle: NodeJS.Timeout | undefined
  let watch: NodeJS.Timeout | undefined
  let socketId = ''
  let stopping = false
  let stop!: (result: Stop) => void
  const stopped = new Promise<Stop>((resolve) => (stop = resolve))

  const end = (why: string, failed = false) => {
    if (stopping) return
    stopping = true
    clearTimeout(idle)
    clearInterval(watch)
    server.close()
    // Those still waiting run their commands themselves.
    for (const connection of connections) if (!connection.writableEnded) connection.destroy()
    if (fileId(address.socket) === socketId) rmSync(address.socket, { force: true })
    stores.closeAll()
    stop({ why, failed })
  }
  const ours = () => fileId(address.socket) === socketId && current()
  const resetIdle = () => {
    clearTimeout(idle)
    idle = setTimeout(() => end(`idle for ${IDLE_MS / 60_000} minutes`), IDLE_MS)
  }

  async function answer(request: Request): Promise<Reply & { last?: boolean }> {
    if (request.argv[0] === 'serve' && !request.argv.some((arg) => arg === '--help' || arg === '-h')) {
      if (request.argv.includes('--stop')) return { code: 0, out: `stopped the resident process ${process.pid}\n`, err: '', last: true }
      const uptime = Math.round((Date.now() - started) / 1000)
      return { code: 0, out: `resident process ${process.pid} at ${address.socket}: up ${uptime} s, ${served} requests served, ${sessions.size} sessions open\n`, err: '' }
    }
    const { event, session } = request.hook ?? {}
    const ends = event === 'SessionEnd'
    if (typeof session === 'string') {
      if (ends) sessions.delete(session)
      else sessions.add(session)
    }
    const output = bufferedOutput(request.color)
    let code: number
    try {
      code = await run(request.argv, { output, env: request.env, cwd: request.cwd, stdin: async () => request.stdin, stores })
    } catch (error) {
      output.err(`tasktrail: internal error: ${(error as Error)?.stack ?? String(error)}`)
      code = 1
    }
    served++
    return { code, ...output.text(), last: ends && typeof session === 'string' && sessions.size === 0 }
  }

  function handle(connection: Socket): void {
    connections.add(connection)
    connection.on('close', () => connections.delete(connection))
    const request = readRequest(connection)
    const next = queue.then(async () => {
      const received = await request
      // A build changed on disk, or a socket taken over: the client runs the command itself.
      if (!received || stopping || !ours() || !enter(received.cwd)) {
        connection.destroy()
        if (!stopping && !ours()) end('its build or socket changed')
        return
      }
      resetIdle()
      const { last, ...reply } = await answer(received)
      connection.end(JSON.stringify(reply))
      if (last) end(received.argv[0] === 'serve' ? 'asked to stop' : 'the last session it served ended')
    })
    // A failure here is a bug: the requests queued behind it must not wait for ever.
    queue = next.catch((error: unknown) => {
      connection.destroy()
      end(`failed: ${(error as Error)?.stack ?? String(error)}`, true)
    })
  }

  // Half-open: the client ends its side once the request is written, and waits for the reply.
  const server = createServer({ allowHalfOpen: true }, handle)
  const listening = await new Promise<string | undefined>((resolve) => {
    server.once('error', (error) => resolve(`not started: ${error.message}`))
    server.listen(address.socket, () => resolve(undefined))
  })
  if (listening) return listening
  chmodSync(address.socket, 0o600)
  socketId = fileId(address.socket)
  watch = setInterval(() => {
    if (!ours()) end('its build or socket changed')
  }, CHECK_MS)
  resetIdle()
  return { stopped, stop: end }
}
