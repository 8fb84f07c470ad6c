// The plugin's MCP server (.mcp.json): Claude Code starts it with the session, speaks JSON-RPC
// to it over stdio, one message a line, and ends it with the session. Hand-written rather than
// @modelcontextprotocol/sdk: it needs initialize, tools/list and tools/call, which are a page
// here, where the SDK would add its dependencies to every user's plugin copy and to the
// server's start (the numbers are in docs/PERFORMANCE.md).
//
// Requests run one at a time, in the order they came, as a store transaction would make them
// anyway. A request cancelled before it ran is not run: the caller has given up on it, and a
// retried `add` must not add twice.

export interface ToolResult {
  text: string
  isError: boolean
}

export interface Tool {
  name: string
  description: string
  inputSchema: Record<string, unknown>
  call(args: Record<string, unknown>): Promise<ToolResult>
}

export interface ServerSpec {
  name: string
  version: string
  /** What tools/list offers the model. */
  tools: readonly Tool[]
  /** Called by the plugin's hooks only, so not listed: the model never sees them. */
  hidden: readonly Tool[]
}

type Id = string | number

interface Message {
  jsonrpc?: unknown
  id?: Id | null
  method?: unknown
  params?: Record<string, unknown>
}

const PARSE_ERROR = -32700
const INVALID_REQUEST = -32600
const METHOD_NOT_FOUND = -32601
const INVALID_PARAMS = -32602

/** The protocol revision answered when the client asks for one this server does not know. */
const LATEST_PROTOCOL = '2025-06-18'
const PROTOCOLS = new Set(['2024-11-05', '2025-03-26', LATEST_PROTOCOL])

export class McpServer {
  private queue = Promise.resolve()
  private readonly cancelled = new Set<Id>()
  private readonly byName: Map<string, Tool>

  constructor(private readonly spec: ServerSpec, private readonly send: (line: string) => void) {
    this.byName = new Map([...spec.tools, ...spec.hidden].map((tool) => [tool.name, tool]))
  }

  /** Takes one line from the client; its answer is sent once the requests before it are done. */
  receive(line: string): void {
    if (!line.trim()) return
    let message: Message
    try {
      message = JSON.parse(line) as Message
    } catch {
      return this.reply(null, { error: { code: PARSE_ERROR, message: 'not JSON' } })
    }
    if (typeof message !== 'object' || message === null || typeof message.method !== 'string') {
      // A response to a request of ours (we make none), or nonsense.
      if (message && typeof message === 'object' && 'id' in message && !('result' in message || 'error' in message)) {
        this.reply(message.id ?? null, { error: { code: INVALID_REQUEST, message: 'no method' } })
      }
      return
    }
    if (message.method === 'notifications/cancelled') {
      const id = message.params?.requestId
      if (typeof id === 'string' || typeof id === 'number') this.cancelled.add(id)
      return
    }
    const id = message.id
    if (id === undefined || id === null) return // other notifications: nothing to do
    const method = message.method
    const params = message.params ?? {}
    this.queue = this.queue.then(async () => {
      if (this.cancelled.delete(id)) return
      this.reply(id, await this.answer(method, params))
    })
  }

  /** Resolves when every request taken so far is answered. */
  drained(): Promise<void> {
    return this.queue
  }

  private reply(id: Id | null, body: { result: unknown } | { error: { code: number; message: string } }): void {
    this.send(JSON.stringify({ jsonrpc: '2.0', id, ...body }) + '\n')
  }

  private async answer(method: string, params: Record<string, unknown>): Promise<{ result: unknown } | { error: { code: number; message: string } }> {
    switch (method) {
      case 'initialize': {
        const asked = params.protocolVersion
        return {
          result: {
            protocolVersion: typeof asked === 'string' && PROTOCOLS.has(asked) ? asked : LATEST_PROTOCOL,
            capabilities: { tools: {} },
            serverInfo: { name: this.spec.name, version: this.spec.version }
          }
        }
      }
      case 'ping':
        return { result: {} }
      case 'tools/list':
        return { result: { tools: this.spec.tools.map(({ name, description, inputSchema }) => ({ name, description, inputSchema })) } }
      case 'tools/call': {
        const tool = typeof params.name === 'string' ? this.byName.get(params.name) : undefined
        if (!tool) return { error: { code: INVALID_PARAMS, message: `unknown tool ${JSON.stringify(params.name)}` } }
        const args = typeof params.arguments === 'object' && params.arguments !== null ? (params.arguments as Record<string, unknown>) : {}
        let result: ToolResult
        try {
          result = await tool.call(args)
        } catch (error) {
          result = { text: `tasktrail: internal error: ${(error as Error)?.message ?? String(error)}`, isError: true }
        }
        return { result: { content: [{ type: 'text', text: result.text }], isError: result.isError } }
      }
      default:
        return { error: { code: METHOD_NOT_FOUND, message: `unknown method ${method}` } }
    }
  }
}
