import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'

// A scripted stand-in for the Anthropic Messages API, so the real Claude Code CLI can run a
// whole session offline and deterministically. The script says what the "model" answers; the
// CLI itself really runs the tools and the hooks.

export type ScriptedBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; name: string; input: Record<string, unknown> }

/** One assistant message. It ends with stop_reason `tool_use` if it holds a tool_use block. */
export type Turn = ScriptedBlock[]

/**
 * A pause in the main thread's script: the next turn is answered only once every subagent has
 * been given its last scripted turn, and `settleMs` more have passed. Background agents (2.1.332)
 * otherwise race the main thread, and if the main thread ends first the CLI adds a Stop and a
 * further turn for the agent's task notification.
 */
export interface AgentsGate {
  waitForAgents: true
  settleMs: number
}

export interface Scenario {
  /** The prompt the user gives on the command line. */
  prompt: string
  /** The main thread's assistant turns, one consumed per model request of that thread. */
  main: (Turn | AgentsGate)[]
  /**
   * Subagents' turns, keyed by the prompt the main thread gives the Agent tool: a request whose
   * first user message contains that prompt belongs to that subagent.
   */
  agents?: Record<string, Turn[]>
}

/**
 * In a tool input, stands for the plan file Claude Code named in the request (plan mode tells
 * the model to write its plan to `<config>/plans/<random-slug>.md`).
 */
export const PLAN_FILE = '{{plan-file}}'

export const text = (value: string): ScriptedBlock => ({ type: 'text', text: value })
export const waitForAgents = (settleMs = 1000): AgentsGate => ({ waitForAgents: true, settleMs })
export const toolUse = (name: string, input: Record<string, unknown> = {}): ScriptedBlock => ({
  type: 'tool_use',
  name,
  input,
})

/** Which conversation a request belonged to: `main`, an agent's prompt, `side` (no tools), or `other` (not /v1/messages). */
export type Thread = string

export interface RecordedRequest {
  method: string
  /** Path including the query string, e.g. `/v1/messages?beta=true`. */
  url: string
  thread: Thread
  /** The parsed JSON body, or the raw text if it was not JSON. */
  body: unknown
}

export interface FakeAnthropic {
  /** For ANTHROPIC_BASE_URL. */
  url: string
  /** Every request received, in arrival order. */
  requests: RecordedRequest[]
  /** Requests to endpoints this fake does not model, for finding out what the CLI calls. */
  unknownRequests: RecordedRequest[]
  /** Whether any /v1/messages request's system prompt or messages contained this text. */
  modelSaw(needle: string): boolean
  close(): Promise<void>
}

const FALLBACK_TEXT = 'Done.'
// An agent that never starts must not hang the session: the gate then opens anyway.
const GATE_TIMEOUT_MS = 30_000
const SIDE_TEXT = 'Scripted side reply'

interface MessagesBody {
  model?: string
  stream?: boolean
  tools?: unknown[]
  system?: unknown
  messages?: { role: string; content: unknown }[]
}

export async function startFakeAnthropic(scenario: Scenario): Promise<FakeAnthropic> {
  const requests: RecordedRequest[] = []
  const unknownRequests: RecordedRequest[] = []
  const scripts = new Map<Thread, (Turn | AgentsGate)[]>([['main', scenario.main], ...Object.entries(scenario.agents ?? {})])
  const nextStep = new Map<Thread, number>()
  // The CLI retries a request whose reply it did not like; the same conversation must then get
  // the same reply, not consume a further turn.
  const repliesByConversation = new Map<string, Promise<ReplyBlock[]>>()
  const agentsFinished = new Signal(() =>
    Object.entries(scenario.agents ?? {}).every(([agent, turns]) => (nextStep.get(agent) ?? 0) >= turns.length),
  )
  const idPrefix = randomBytes(4).toString('hex')
  let idCounter = 0

  function threadOf(body: MessagesBody): Thread {
    if (!Array.isArray(body.tools) || body.tools.length === 0) return 'side'
    const firstUser = body.messages?.find((m) => m.role === 'user')
    const firstText = firstUser ? plainText(firstUser.content) : ''
    for (const agentPrompt of Object.keys(scenario.agents ?? {})) {
      if (firstText.includes(agentPrompt)) return agentPrompt
    }
    return 'main'
  }

  function replyFor(thread: Thread, body: MessagesBody): Promise<ReplyBlock[]> {
    if (thread === 'side') return Promise.resolve([{ type: 'text', text: SIDE_TEXT }])
    const conversation = thread + '\n' + JSON.stringify(body.messages ?? [])
    let reply = repliesByConversation.get(conversation)
    if (!reply) {
      reply = nextTurn(thread).then((turn) => withPlanFile(turn, body))
      repliesByConversation.set(conversation, reply)
    }
    return reply
  }

  async function nextTurn(thread: Thread): Promise<ReplyBlock[]> {
    const script = scripts.get(thread) ?? []
    let step = script[nextStep.get(thread) ?? 0]
    while (step && !Array.isArray(step)) {
      nextStep.set(thread, (nextStep.get(thread) ?? 0) + 1)
      await agentsFinished.wait(GATE_TIMEOUT_MS)
      await sleep(step.settleMs)
      step = script[nextStep.get(thread) ?? 0]
    }
    nextStep.set(thread, (nextStep.get(thread) ?? 0) + 1)
    agentsFinished.check()
    const turn = step ?? [text(FALLBACK_TEXT)]
    return turn.map((block): ReplyBlock =>
      block.type === 'text' ? block : { ...block, id: `toolu_${idPrefix}${String(++idCounter).padStart(3, '0')}` },
    )
  }

  const server = createServer((req, res) => {
    readBody(req)
      .then((raw) => handle(req, res, raw))
      .catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ type: 'error', error: { type: 'api_error', message: String(error) } }))
      })
  })

  function handle(req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> | void {
    const url = req.url ?? '/'
    const path = url.split('?')[0]
    const body = parseJson(raw)
    const method = req.method ?? 'GET'

    if (method === 'POST' && path === '/v1/messages/count_tokens') {
      requests.push({ method, url, thread: 'other', body })
      sendJson(res, { input_tokens: Math.ceil(raw.length / 4) })
      return
    }
    if (method === 'POST' && path === '/v1/messages') {
      const messagesBody = (body ?? {}) as MessagesBody
      const thread = threadOf(messagesBody)
      requests.push({ method, url, thread, body })
      const model = messagesBody.model ?? 'claude-fake'
      return replyFor(thread, messagesBody).then((reply) => {
        if (messagesBody.stream) streamMessage(res, model, reply)
        else sendJson(res, wholeMessage(model, reply))
      })
    }
    // 2.1.197 probes the base URL with HEAD / before its first request.
    if (method === 'HEAD' && path === '/') {
      requests.push({ method, url, thread: 'other', body })
      res.writeHead(200)
      res.end()
      return
    }
    const unknown = { method, url, thread: 'other', body }
    requests.push(unknown)
    unknownRequests.push(unknown)
    res.writeHead(404, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: `fake: no ${method} ${path}` } }))
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    unknownRequests,
    modelSaw(needle) {
      return requests.some((r) => {
        if (r.thread === 'other') return false
        const b = r.body as MessagesBody
        return JSON.stringify([b.system, b.messages]).includes(JSON.stringify(needle).slice(1, -1))
      })
    },
    close() {
      server.closeAllConnections()
      return new Promise((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())))
    },
  }
}

type ReplyBlock = { type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> }

/** The turn with PLAN_FILE replaced by the plan file the request names. */
function withPlanFile(turn: ReplyBlock[], body: MessagesBody): ReplyBlock[] {
  const json = JSON.stringify(turn)
  if (!json.includes(PLAN_FILE)) return turn
  const named = /\/[^\s"'`\\]*\/plans\/[\w.-]+\.md/.exec(JSON.stringify([body.system, body.messages]))
  if (!named) throw new Error('fake: the request names no plan file')
  return JSON.parse(json.split(PLAN_FILE).join(named[0])) as ReplyBlock[]
}

const USAGE = { input_tokens: 10, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 }
const OUTPUT_TOKENS = 5

function stopReason(reply: ReplyBlock[]): 'tool_use' | 'end_turn' {
  return reply.some((b) => b.type === 'tool_use') ? 'tool_use' : 'end_turn'
}

function wholeMessage(model: string, reply: ReplyBlock[]) {
  return {
    id: `msg_${randomBytes(8).toString('hex')}`,
    type: 'message',
    role: 'assistant',
    model,
    content: reply,
    stop_reason: stopReason(reply),
    stop_sequence: null,
    usage: { ...USAGE, output_tokens: OUTPUT_TOKENS },
  }
}

// The event sequence of the real streaming API: the CLI assembles the message from deltas, so
// tool inputs arrive as input_json_delta fragments exactly as the service sends them.
function streamMessage(res: ServerResponse, model: string, reply: ReplyBlock[]): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' })
  const send = (event: string, data: object) => res.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`)
  const message = wholeMessage(model, reply)
  send('message_start', {
    message: { ...message, content: [], stop_reason: null, usage: { ...USAGE, output_tokens: 1 } },
  })
  reply.forEach((block, index) => {
    if (block.type === 'text') {
      send('content_block_start', { index, content_block: { type: 'text', text: '' } })
      send('content_block_delta', { index, delta: { type: 'text_delta', text: block.text } })
    } else {
      send('content_block_start', { index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } })
      const json = JSON.stringify(block.input)
      const middle = Math.floor(json.length / 2)
      for (const part of [json.slice(0, middle), json.slice(middle)]) {
        send('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json: part } })
      }
    }
    send('content_block_stop', { index })
  })
  send('message_delta', { delta: { stop_reason: message.stop_reason, stop_sequence: null }, usage: { output_tokens: OUTPUT_TOKENS } })
  send('message_stop', {})
  res.end()
}

function sendJson(res: ServerResponse, value: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' })
  res.end(JSON.stringify(value))
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function parseJson(raw: string): unknown {
  if (raw === '') return undefined
  try {
    return JSON.parse(raw)
  } catch {
    return raw
  }
}

/** The text of a message's content, whether given as a string or as content blocks. */
function plainText(content: unknown): string {
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content
    .map((block: { type?: string; text?: unknown }) => (block.type === 'text' && typeof block.text === 'string' ? block.text : ''))
    .join('\n')
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Resolves waiters once a condition, re-checked on demand, holds. */
class Signal {
  private waiters: (() => void)[] = []

  constructor(private readonly holds: () => boolean) {}

  check(): void {
    if (!this.holds()) return
    for (const wake of this.waiters.splice(0)) wake()
  }

  wait(timeoutMs: number): Promise<void> {
    if (this.holds()) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs)
      this.waiters.push(() => {
        clearTimeout(timer)
        resolve()
      })
    })
  }
}
