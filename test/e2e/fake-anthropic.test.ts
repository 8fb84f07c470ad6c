import { afterEach, describe, expect, test } from 'vitest'
import { startFakeAnthropic, text, toolUse, waitForAgents, type FakeAnthropic, type Scenario } from './fake-anthropic.js'

// The fake API's own contract, checked over HTTP without the CLI: the ground truth that it
// drives the real CLI is harness.test.ts.

const TOOLS = [{ name: 'Write', input_schema: { type: 'object' } }]
let fake: FakeAnthropic | undefined

afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function start(scenario: Scenario): Promise<FakeAnthropic> {
  fake = await startFakeAnthropic(scenario)
  return fake
}

function post(server: FakeAnthropic, path: string, body: object): Promise<Response> {
  return fetch(server.url + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
}

interface Message {
  content: ({ type: 'text'; text: string } | { type: 'tool_use'; id: string; name: string; input: unknown })[]
  stop_reason: string
}

async function ask(server: FakeAnthropic, messages: object[], extra: object = {}): Promise<Message> {
  const response = await post(server, '/v1/messages', { model: 'm', max_tokens: 10, tools: TOOLS, messages, ...extra })
  return (await response.json()) as Message
}

/** Rebuilds the message from an SSE stream the way a client does, from the deltas. */
async function askStreaming(server: FakeAnthropic, messages: object[]): Promise<{ events: string[]; message: Message }> {
  const response = await post(server, '/v1/messages', { model: 'm', max_tokens: 10, tools: TOOLS, messages, stream: true })
  expect(response.headers.get('content-type')).toBe('text/event-stream')
  const events: string[] = []
  const content: { type: string; text?: string; id?: string; name?: string; json?: string }[] = []
  let stopReason = ''
  for (const frame of (await response.text()).split('\n\n').filter(Boolean)) {
    const [eventLine, dataLine] = frame.split('\n')
    const data = JSON.parse(dataLine!.slice('data: '.length))
    expect(eventLine).toBe(`event: ${data.type}`)
    events.push(data.type)
    if (data.type === 'content_block_start') content[data.index] = { ...data.content_block, json: '' }
    if (data.delta?.type === 'text_delta') content[data.index]!.text += data.delta.text
    if (data.delta?.type === 'input_json_delta') content[data.index]!.json += data.delta.partial_json
    if (data.type === 'message_delta') stopReason = data.delta.stop_reason
  }
  const blocks = content.map((b) =>
    b.type === 'text' ? { type: 'text' as const, text: b.text! } : { type: 'tool_use' as const, id: b.id!, name: b.name!, input: JSON.parse(b.json!) },
  )
  return { events, message: { content: blocks, stop_reason: stopReason } }
}

const user = (content: string) => ({ role: 'user', content })

describe('fake Anthropic API', () => {
  test('streams a tool_use turn with the real event sequence, then end_turn once the script is exhausted', async () => {
    const server = await start({ prompt: 'p', main: [[text('Writing.'), toolUse('Write', { file_path: '/x', content: 'y' })]] })

    const first = await askStreaming(server, [user('p')])
    expect(first.events).toEqual([
      'message_start',
      'content_block_start',
      'content_block_delta',
      'content_block_stop',
      'content_block_start',
      'content_block_delta',
      'content_block_delta',
      'content_block_stop',
      'message_delta',
      'message_stop',
    ])
    expect(first.message.stop_reason).toBe('tool_use')
    expect(first.message.content[0]).toEqual({ type: 'text', text: 'Writing.' })
    expect(first.message.content[1]).toMatchObject({ type: 'tool_use', name: 'Write', input: { file_path: '/x', content: 'y' } })

    const after = await askStreaming(server, [user('p'), { role: 'assistant', content: first.message.content }, user('result')])
    expect(after.message).toEqual({ content: [{ type: 'text', text: 'Done.' }], stop_reason: 'end_turn' })
  })

  test('answers non-streaming requests, count_tokens, and side requests that offer no tools', async () => {
    const server = await start({ prompt: 'p', main: [[toolUse('Write', {})]] })
    expect(await ask(server, [user('p')])).toMatchObject({ stop_reason: 'tool_use', content: [{ type: 'tool_use', name: 'Write' }] })
    const side = await ask(server, [user('Write a title')], { tools: [] })
    expect(side).toMatchObject({ stop_reason: 'end_turn', content: [{ type: 'text' }] })
    const count = await post(server, '/v1/messages/count_tokens', { model: 'm', messages: [user('p')] })
    expect(await count.json()).toHaveProperty('input_tokens')
    expect(server.requests.map((r) => r.thread)).toEqual(['main', 'side', 'other'])
    expect(server.unknownRequests).toEqual([])
  })

  test('records requests to endpoints it does not model', async () => {
    const server = await start({ prompt: 'p', main: [] })
    const response = await fetch(server.url + '/v1/models')
    expect(response.status).toBe(404)
    expect(server.unknownRequests).toMatchObject([{ method: 'GET', url: '/v1/models' }])
  })

  test('gives a subagent its own script, and unique tool-use ids across threads', async () => {
    const server = await start({
      prompt: 'p',
      main: [[toolUse('Agent', { prompt: 'AGENT: go' })]],
      agents: { 'AGENT: go': [[toolUse('Write', {})], [text('agent done')]] },
    })
    const main = await ask(server, [user('p')])
    const agent = await ask(server, [user('<system-reminder>ctx</system-reminder>\nAGENT: go')])
    expect(agent.content).toMatchObject([{ type: 'tool_use', name: 'Write' }])
    const ids = [...main.content, ...agent.content].map((b) => (b.type === 'tool_use' ? b.id : ''))
    expect(new Set(ids).size).toBe(2)
    expect(server.requests.map((r) => r.thread)).toEqual(['main', 'AGENT: go'])
  })

  test('a repeated request gets the same reply instead of consuming the next turn', async () => {
    const server = await start({ prompt: 'p', main: [[toolUse('Write', { n: 1 })], [toolUse('Write', { n: 2 })]] })
    const once = await ask(server, [user('p')])
    const again = await ask(server, [user('p')])
    expect(again.content).toEqual(once.content)
  })

  test('a gate holds the main thread until the subagents have had their last turn', async () => {
    const server = await start({
      prompt: 'p',
      main: [waitForAgents(0), [text('main after agent')]],
      agents: { 'AGENT: go': [[text('agent done')]] },
    })
    const order: string[] = []
    const main = ask(server, [user('p')]).then(() => order.push('main'))
    await new Promise((resolve) => setTimeout(resolve, 50))
    await ask(server, [user('AGENT: go')]).then(() => order.push('agent'))
    await main
    expect(order).toEqual(['agent', 'main'])
  })

  test('modelSaw finds text in the system prompt or the messages', async () => {
    const server = await start({ prompt: 'p', main: [] })
    await ask(server, [user('hello "quoted" world')], { system: [{ type: 'text', text: 'CONTEXT-MARK' }] })
    expect(server.modelSaw('CONTEXT-MARK')).toBe(true)
    expect(server.modelSaw('"quoted"')).toBe(true)
    expect(server.modelSaw('absent')).toBe(false)
  })
})
