// The board's HTTP server: the page, the project's tasks, a live feed of their changes
// (server-sent events), and steering. Every change a person makes here runs the CLI
// command that makes it (same store operations, same sync of TASKS.md, same refusals);
// a hand edit of TASKS.md is taken in by the same sync as `tasktrail watch`.
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { ProjectLocation } from '../project/locate.js'
import type { Repo, Store } from '../store/store.js'
import { watchProject } from '../sync/watch.js'
import type { SyncReport } from '../sync/context.js'
import { changesSince, readBilled, readBoard, readTimeline, repoView, timesMoved, type BoardTask, type Changes } from './data.js'
import { refusal } from './guard.js'
import { commandArgs, type Steer } from './steer.js'
import { pageHtml } from './page.js'

/** Runs a tasktrail command in this process, as the CLI would, and gives back what it printed. */
export type RunCli = (argv: string[]) => Promise<{ code: number; out: string; err: string }>

export interface BoardOptions {
  store: Store
  project: ProjectLocation
  repo: Repo
  /** 0: a free port. */
  port: number
  run: RunCli
  log: (line: string) => void
  describe: (report: SyncReport) => string
}

export interface RunningBoard {
  url: string
  close(): Promise<void>
}

/** How often the store is looked at for new task events (a hook writes from its own process). */
const POLL_MS = 150
/** A comment on the feed now and then, so a dead connection is noticed. */
const KEEPALIVE_MS = 15_000

// Same-origin resources only (CORP: another site's page cannot even embed an answer), never
// framed, never cached, nothing but the page's own inline script and style (CSP, by nonce).
const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
}

const pagePolicy = (nonce: string) =>
  `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'nonce-${nonce}'; connect-src 'self'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`

function send(response: ServerResponse, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, { ...SECURITY_HEADERS, ...headers, 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) })
  response.end(body)
}

const sendJson = (response: ServerResponse, status: number, value: unknown) => send(response, status, 'application/json; charset=utf-8', JSON.stringify(value))

/** A request body of at most 64 KB, as JSON. */
async function readJson(request: IncomingMessage): Promise<unknown> {
  let body = ''
  for await (const chunk of request) {
    body += chunk
    if (body.length > 65_536) throw new Error('the request is too large')
  }
  return JSON.parse(body)
}

export async function startBoard(options: BoardOptions): Promise<RunningBoard> {
  const { store, repo, project } = options
  const token = randomBytes(24).toString('base64url')
  const feeds = new Set<ServerResponse>()
  // The board as the pages have it, kept up to date from the store's task events: a page
  // load only writes it out.
  const known = new Map<string, BoardTask>()
  let lastEvent = 0
  let port = 0
  const current = () => ({ repo: repoView(store, repo), tasks: [...known.values()], lastEvent })

  /** `times`: only measured time moved, which the page shows without drawing attention to it. */
  const publish = (changes: Changes, event: 'tasks' | 'times' = 'tasks') => {
    lastEvent = changes.lastEvent
    for (const task of changes.tasks) known.set(task.id, task)
    for (const id of changes.removed) known.delete(id)
    if (!changes.tasks.length && !changes.removed.length) return
    const frame = `event: ${event}\ndata: ${JSON.stringify(changes)}\n\n`
    for (const feed of feeds) feed.write(frame)
  }
  const poll = () => {
    try {
      const changes = changesSince(store, repo, lastEvent, known)
      publish(changes)
      if (changes.tasks.length) setImmediate(measure, changes.tasks)
    } catch (error) {
      options.log(`reading the store failed: ${(error as Error).message}; trying again`)
    }
  }
  const measure = (changed: BoardTask[]) => {
    try {
      publish({ tasks: timesMoved(store, repo, changed, known), removed: [], lastEvent }, 'times')
    } catch (error) {
      options.log(`measuring the tasks' time failed: ${(error as Error).message}`)
    }
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    const header = (name: string) => {
      const value = request.headers[name]
      return Array.isArray(value) ? value[0] : value
    }
    const refused = refusal(
      { host: header('host'), origin: header('origin'), fetchSite: header('sec-fetch-site'), token: header('x-tasktrail-token') ?? url.searchParams.get('token') },
      port,
      token
    )
    if (refused) return send(response, refused.status, 'text/plain; charset=utf-8', `${refused.message}\n`)
    const route = `${request.method} ${url.pathname}`
    switch (route) {
      case 'GET /': {
        poll()
        const nonce = randomBytes(16).toString('base64')
        return send(response, 200, 'text/html; charset=utf-8', pageHtml(token, nonce, current()), { 'Content-Security-Policy': pagePolicy(nonce) })
      }
      case 'GET /api/board':
        poll()
        return sendJson(response, 200, current())
      case 'GET /api/timeline': {
        const timeline = readTimeline(store, url.searchParams.get('request') ?? '', Date.now())
        return timeline ? sendJson(response, 200, timeline) : sendJson(response, 404, { message: 'no such task' })
      }
      case 'GET /api/billed':
        return sendJson(response, 200, readBilled(store, repo))
      case 'GET /events': {
        response.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' })
        // The page's snapshot may be older than the feed: it gets what changed since then.
        const since = Number(url.searchParams.get('since') ?? lastEvent)
        if (Number.isInteger(since) && since < lastEvent) {
          const missed = changesSince(store, repo, since, known)
          response.write(`event: tasks\ndata: ${JSON.stringify({ ...missed, lastEvent })}\n\n`)
        }
        if (notice) response.write(`event: notice\ndata: ${JSON.stringify(notice)}\n\n`)
        response.write(': live\n\n')
        feeds.add(response)
        request.on('close', () => feeds.delete(response))
        return
      }
      case 'POST /api/steer': {
        // A form post from another page cannot send JSON with this type without a preflight, which is never granted.
        if (!header('content-type')?.startsWith('application/json')) return sendJson(response, 415, { message: 'send JSON' })
        let args: string[]
        try {
          args = commandArgs((await readJson(request)) as Steer)
        } catch (error) {
          return sendJson(response, 400, { message: (error as Error).message })
        }
        const result = await options.run(args)
        poll()
        // What the CLI would print: its answer, or why it refused; a warning (TASKS.md not updated) comes with the answer.
        const message = (result.code === 0 ? `${result.out}${result.err}` : result.err).trim().replace(/^tasktrail: /gm, '')
        return sendJson(response, result.code === 0 ? 200 : result.code === 2 ? 400 : 409, { ok: result.code === 0, message })
      }
      default:
        return sendJson(response, 404, { message: `nothing at ${request.method} ${url.pathname}` })
    }
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.log(`a request failed: ${(error as Error).message}`)
      if (!response.headersSent) sendJson(response, 500, { message: (error as Error).message })
      else response.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  const initial = readBoard(store, repo)
  for (const task of initial.tasks) known.set(task.id, task)
  lastEvent = initial.lastEvent
  const timer = setInterval(poll, POLL_MS)
  const keepalive = setInterval(() => {
    for (const feed of feeds) feed.write(': keepalive\n\n')
  }, KEEPALIVE_MS)
  const stopWatch = new AbortController()
  // A hand edit of TASKS.md that could not be taken in is said on the page too, until a sync succeeds.
  let notice = ''
  const tell = (text: string) => {
    notice = text
    for (const feed of feeds) feed.write(`event: notice\ndata: ${JSON.stringify(text)}\n\n`)
  }
  const watching = watchProject(store, project, repo, {
    signal: stopWatch.signal,
    describe: options.describe,
    log(line) {
      options.log(line)
      if (/^(sync refused|sync failed|watching failed)/.test(line)) tell(`TASKS.md was not taken in: ${line}`)
      else if (notice) tell('')
    }
  })

  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    async close() {
      clearInterval(timer)
      clearInterval(keepalive)
      stopWatch.abort()
      for (const feed of feeds) feed.end()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await watching
    }
  }
}
