// What a client and the resident process say to each other: one JSON request written to the
// end, one JSON reply. The client gives its whole environment and directory, so the command
// runs as it would have in the client's own process.
import { createConnection } from 'node:net'

/** What a hook's event says of itself, read once, by the client. */
export interface HookHeader {
  event?: unknown
  session?: unknown
}

/** The event name and session of a hook's stdin; {} when it is not a JSON object. */
export function hookHeader(stdin: string): HookHeader {
  try {
    const value = JSON.parse(stdin) as { hook_event_name?: unknown; session_id?: unknown } | null
    return { event: value?.hook_event_name, session: value?.session_id }
  } catch {
    return {}
  }
}

export interface Request {
  argv: string[]
  env: NodeJS.ProcessEnv
  cwd: string
  /** A hook's event; empty for other commands. */
  stdin: string
  /** For a hook, its event's header (the resident process counts sessions by it). */
  hook?: HookHeader
  /** Whether the client's stdout is a terminal that takes colour. */
  color: boolean
}

export interface Reply {
  code: number
  out: string
  err: string
}

const isReply = (value: unknown): value is Reply =>
  typeof value === 'object' && value !== null && typeof (value as Reply).code === 'number' && typeof (value as Reply).out === 'string' && typeof (value as Reply).err === 'string'

/** A reply; or that no process took the request (nothing ran); or that one took it and gave no answer. */
export type Outcome = Reply | 'unreached' | 'unanswered'

/**
 * Sends a request and waits for the reply, up to `waitMs` if given. A process that closes
 * without answering, or is slower than `waitMs`, leaves the request 'unanswered'.
 */
export function ask(socket: string, request: Request, waitMs?: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let sent = false
    const connection = createConnection(socket)
    const timer = waitMs === undefined ? undefined : setTimeout(() => connection.destroy(), waitMs)
    connection.on('connect', () => {
      sent = true
      connection.end(JSON.stringify(request))
    })
    connection.on('data', (chunk: Buffer) => chunks.push(chunk))
    connection.on('error', () => {})
    connection.on('close', () => {
      clearTimeout(timer)
      if (!sent) return resolve('unreached')
      try {
        const reply: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'))
        resolve(isReply(reply) ? reply : 'unanswered')
      } catch {
        resolve('unanswered')
      }
    })
  })
}
