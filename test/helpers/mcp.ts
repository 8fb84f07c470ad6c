// The plugin's MCP server as Claude Code runs it: `tasktrail mcp`, a child process spoken to
// in JSON-RPC, one message a line, on its stdin and stdout.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { CLI, type Sandbox } from './cli.js'

export interface McpClient {
  child: ChildProcessWithoutNullStreams
  /** Sends a request and resolves with its response (result or error). */
  request(method: string, params?: Record<string, unknown>): Promise<{ result?: any; error?: { code: number; message: string } }>
  /** Sends a raw line (a notification, or nonsense). */
  send(line: string): void
  /** A tools/call's text and isError. */
  call(name: string, args: Record<string, unknown>): Promise<{ text: string; isError: boolean }>
  /** Closes stdin, as Claude Code does at the session's end; resolves with the exit code. */
  close(): Promise<number | null>
}

export async function startMcp(box: Sandbox, env: NodeJS.ProcessEnv = {}): Promise<McpClient> {
  const child = spawn(process.execPath, [CLI, 'mcp'], { cwd: box.project, env: { ...box.env, CLAUDE_PROJECT_DIR: box.project, ...env } })
  const waiting = new Map<number, (message: any) => void>()
  let buffer = ''
  let next = 1
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    const lines = (buffer + chunk).split('\n')
    buffer = lines.pop()!
    for (const line of lines) {
      const message = JSON.parse(line) as { id: number }
      waiting.get(message.id)?.(message)
      waiting.delete(message.id)
    }
  })
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  const client: McpClient = {
    child,
    request(method, params) {
      const id = next++
      child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n')
      return new Promise((resolve) => waiting.set(id, resolve))
    },
    send: (line) => void child.stdin.write(line + '\n'),
    async call(name, args) {
      const { result, error } = await client.request('tools/call', { name, arguments: args })
      if (error) throw new Error(error.message)
      return { text: result.content[0].text as string, isError: result.isError as boolean }
    },
    close() {
      child.stdin.end()
      return exited
    }
  }
  const init = await client.request('initialize', { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'test', version: '0' } })
  if (!init.result) throw new Error(`initialize failed: ${JSON.stringify(init)}`)
  client.send(JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }))
  return client
}

/** What Claude Code does to an mcp_tool hook's input: `${path}` becomes the field's text, '' when absent, an object its JSON. */
export function interpolate(input: Readonly<Record<string, string>>, event: Record<string, unknown>): Record<string, string> {
  const lookup = (path: string) =>
    path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), event)
  return Object.fromEntries(
    Object.entries(input).map(([key, text]) => [
      key,
      text.replace(/\$\{([a-zA-Z_][a-zA-Z0-9_.]*)\}/g, (_, path: string) => {
        const value = lookup(path)
        return value === undefined || value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value)
      })
    ])
  )
}
