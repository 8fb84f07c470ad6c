import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

// Scripted stand-ins for the two other model APIs, so the real Codex CLI (OpenAI Responses
// API) and Gemini CLI (Gemini API) run whole sessions offline: the script says what the
// "model" answers, the CLI really runs the tools and fires its hooks. The next answer is
// chosen by counting the tool results already in the request, which keeps a script a plain
// list of turns (as /work/shared/other-agents/ was recorded).

/** One model answer: tool calls (run in order), or a final text. */
export type AgentTurn = { calls: Array<{ name: string; args: Record<string, unknown> | string }> } | { text: string }

export const call = (name: string, args: Record<string, unknown> | string): AgentTurn => ({ calls: [{ name, args }] })
export const say = (text: string): AgentTurn => ({ text })

export interface FakeApi {
  url: string
  /** Every request body seen, parsed. */
  requests: unknown[]
  close(): Promise<void>
}

async function body(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

async function serve(answer: (url: string, body: unknown, response: ServerResponse) => void): Promise<FakeApi> {
  const requests: unknown[] = []
  const server = createServer((request, response) => {
    body(request).then(
      (parsed) => {
        requests.push(parsed)
        answer(request.url ?? '', parsed, response)
      },
      () => response.writeHead(400).end()
    )
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}

function sse(response: ServerResponse, events: Array<[string | undefined, unknown]>): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  for (const [name, data] of events) response.write(`${name ? `event: ${name}\n` : ''}data: ${JSON.stringify(data)}\n\n`)
  response.end()
}

const turnAt = (script: AgentTurn[], done: number): AgentTurn => script[done] ?? say('Done.')

/** The OpenAI Responses API as Codex uses it: POST /v1/responses, answered as SSE. */
export function startFakeResponses(script: AgentTurn[]): Promise<FakeApi> {
  let ids = 0
  return serve((url, request, response) => {
    if (!url.startsWith('/v1/responses')) {
      response.writeHead(404).end()
      return
    }
    const input = (request as { input?: Array<{ type?: string }> }).input ?? []
    // Each tool call answered so far moves the script one call on.
    const results = input.filter((item) => typeof item.type === 'string' && item.type.endsWith('_output')).length
    const turn = turnAt(flatten(script), results)
    const id = `resp_${++ids}`
    const items =
      'text' in turn
        ? [{ type: 'message', role: 'assistant', id: `msg_${ids}`, content: [{ type: 'output_text', text: turn.text, annotations: [] }] }]
        : turn.calls.map(({ name, args }, i) =>
            typeof args === 'string'
              ? { type: 'custom_tool_call', id: `ctc_${ids}_${i}`, call_id: `call_${ids}_${i}`, name, input: args, status: 'completed' }
              : { type: 'function_call', id: `fc_${ids}_${i}`, call_id: `call_${ids}_${i}`, name, arguments: JSON.stringify(args), status: 'completed' }
          )
    sse(response, [
      ['response.created', { type: 'response.created', response: { id } }],
      ...items.map((item, output_index): [string, unknown] => ['response.output_item.done', { type: 'response.output_item.done', output_index, item }]),
      [
        'response.completed',
        { type: 'response.completed', response: { id, usage: { input_tokens: 10, output_tokens: 5, total_tokens: 15, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } } } }
      ]
    ])
  })
}

/** One call per turn: a script's turn of several calls is answered one call at a time. */
function flatten(script: AgentTurn[]): AgentTurn[] {
  return script.flatMap((turn): AgentTurn[] => ('text' in turn ? [turn] : turn.calls.map((one) => ({ calls: [one] }))))
}

/** The Gemini API as Gemini CLI uses it: POST /v1beta/models/<model>:streamGenerateContent?alt=sse. */
export function startFakeGemini(script: AgentTurn[]): Promise<FakeApi> {
  return serve((url, request, response) => {
    const contents = (request as { contents?: Array<{ parts?: Array<Record<string, unknown>> }> }).contents ?? []
    const results = contents.flatMap((content) => content.parts ?? []).filter((part) => 'functionResponse' in part).length
    const turn = turnAt(flatten(script), results)
    const parts = 'text' in turn ? [{ text: turn.text }] : turn.calls.map(({ name, args }) => ({ functionCall: { name, args } }))
    const chunk = {
      candidates: [{ content: { role: 'model', parts }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 5, totalTokenCount: 15 }
    }
    if (url.includes(':streamGenerateContent')) {
      sse(response, [[undefined, chunk]])
      return
    }
    // Side requests (countTokens, a non-streaming generateContent): a plain answer.
    response.writeHead(200, { 'content-type': 'application/json' })
    response.end(JSON.stringify(url.includes(':countTokens') ? { totalTokens: 10 } : chunk))
  })
}
