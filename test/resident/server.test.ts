// The resident process's server in this process, with a stand-in for the CLI: what it
// answers, and when it stops serving.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Host } from '../../src/cli/command.js'
import type { ResidentAddress } from '../../src/resident/address.js'
import { ask, hookHeader, type Request } from '../../src/resident/protocol.js'
import { startResident, type Resident, type RunCommand } from '../../src/resident/server.js'

function address(): ResidentAddress {
  const dir = join(realpathSync(mkdtempSync(join(tmpdir(), 'tasktrail-resident-'))), 'resident')
  return { dir, socket: join(dir, 'build.sock') }
}

const request = (argv: string[], stdin = '', env: NodeJS.ProcessEnv = {}): Request => ({ argv, env, cwd: tmpdir(), stdin, hook: hookHeader(stdin), color: false })
const hookEvent = (session: string, name: string) => JSON.stringify({ session_id: session, hook_event_name: name })

/** A CLI stand-in that records what it was given and echoes it. */
function echo(): { run: RunCommand; seen: Array<{ argv: string[]; host: Host; stdin: string }> } {
  const seen: Array<{ argv: string[]; host: Host; stdin: string }> = []
  const run: RunCommand = async (argv, host) => {
    const stdin = await host.stdin()
    seen.push({ argv, host, stdin })
    host.output.out(`ran ${argv.join(' ')} in ${host.cwd}`)
    host.output.err(`env ${host.env.MARK ?? '-'}`)
    return argv[0] === 'fail' ? 3 : 0
  }
  return { run, seen }
}

async function started(at: ResidentAddress, run: RunCommand, current = () => true): Promise<Resident> {
  const resident = await startResident(at, run, current)
  if (typeof resident === 'string') throw new Error(resident)
  return resident
}

describe('the resident server', () => {
  it('runs a request with the client’s arguments, directory, environment and stdin, and returns output and exit code', async () => {
    const at = address()
    const { run, seen } = echo()
    const resident = await started(at, run)
    expect(await ask(at.socket, request(['fail', 'x'], 'the event', { MARK: 'client' }))).toEqual({ code: 3, out: `ran fail x in ${tmpdir()}\n`, err: 'env client\n' })
    expect(seen[0]!.stdin).toBe('the event')
    // Its own command answers --status and --stop; its usage is the CLI's to print.
    expect(await ask(at.socket, request(['serve', '--help']))).toMatchObject({ out: `ran serve --help in ${tmpdir()}\n` })
    expect(await ask(at.socket, request(['serve', '--stop']))).toMatchObject({ code: 0, out: expect.stringMatching(/^stopped the resident process \d+/) })
    expect((await resident.stopped).why).toBe('asked to stop')
    expect(existsSync(at.socket)).toBe(false)
  })

  it('keeps its directory private and its socket to the user', async () => {
    const at = address()
    mkdirSync(at.dir, { recursive: true })
    chmodSync(at.dir, 0o755)
    const resident = await started(at, echo().run)
    expect(statSync(at.dir).mode & 0o777).toBe(0o700)
    expect(statSync(at.socket).mode & 0o777).toBe(0o600)
    await ask(at.socket, request(['serve', '--stop']))
    await resident.stopped
  })

  it('answers requests one at a time, in the order they came', async () => {
    const at = address()
    const order: string[] = []
    const resident = await started(at, async (argv, host) => {
      order.push(`start ${argv[0]}`)
      await new Promise((resolve) => setTimeout(resolve, argv[0] === 'slow' ? 100 : 1))
      order.push(`end ${argv[0]}`)
      host.output.out(argv[0]!)
      return 0
    })
    const replies = await Promise.all([ask(at.socket, request(['slow'])), ask(at.socket, request(['quick']))])
    expect(replies.map((reply) => typeof reply === 'object' && reply.out)).toEqual(['slow\n', 'quick\n'])
    expect(order).toEqual(['start slow', 'end slow', 'start quick', 'end quick'])
    await ask(at.socket, request(['serve', '--stop']))
    await resident.stopped
  })

  it('reports its status, and counts sessions until the last one it served ends', async () => {
    const at = address()
    const resident = await started(at, echo().run)
    await ask(at.socket, request(['hook'], hookEvent('a', 'SessionStart')))
    await ask(at.socket, request(['hook'], hookEvent('b', 'UserPromptSubmit')))
    expect(await ask(at.socket, request(['serve', '--status']))).toMatchObject({ code: 0, out: expect.stringContaining('2 requests served, 2 sessions open') })
    await ask(at.socket, request(['hook'], hookEvent('a', 'SessionEnd')))
    expect(existsSync(at.socket)).toBe(true)
    expect(await ask(at.socket, request(['hook'], hookEvent('b', 'SessionEnd')))).toMatchObject({ code: 0 })
    expect((await resident.stopped).why).toBe('the last session it served ended')
    expect(existsSync(at.socket)).toBe(false)
  })

  it('leaves a request unanswered, and stops, once its build on disk changed', async () => {
    const at = address()
    let current = true
    const { run, seen } = echo()
    const resident = await started(at, run, () => current)
    current = false
    expect(await ask(at.socket, request(['done', 't-1']))).toBe('unanswered')
    expect(seen).toEqual([])
    expect((await resident.stopped).why).toBe('its build or socket changed')
  })

  it('leaves a request unanswered when the client’s directory is gone', async () => {
    const at = address()
    const { run, seen } = echo()
    const resident = await started(at, run)
    expect(await ask(at.socket, { ...request(['add', 'x']), cwd: join(at.dir, 'gone') })).toBe('unanswered')
    expect(seen).toEqual([])
    await ask(at.socket, request(['serve', '--stop']))
    await resident.stopped
  })

  it('stops, as failed, on an error of its own, rather than keep later requests waiting behind it', async () => {
    const at = address()
    // An exit code that is no number cannot be written as a reply: a stand-in for a bug.
    const resident = await started(at, async () => 1n as unknown as number)
    expect(await ask(at.socket, request(['done', 't-1']))).toBe('unanswered')
    expect(await resident.stopped).toMatchObject({ failed: true, why: expect.stringMatching(/^failed: TypeError: Do not know how to serialize a BigInt/) })
  })

  it('stops when told to (a signal), leaving no socket behind', async () => {
    const at = address()
    const resident = await started(at, echo().run)
    resident.stop('stopped by SIGTERM')
    expect(await resident.stopped).toEqual({ why: 'stopped by SIGTERM', failed: false })
    expect(existsSync(at.socket)).toBe(false)
    expect(await ask(at.socket, request(['x']))).toBe('unreached')
  })

  it('stops when its socket is removed', async () => {
    const at = address()
    const resident = await started(at, echo().run)
    rmSync(at.dir, { recursive: true })
    expect((await resident.stopped).why).toBe('its build or socket changed')
  })

  it('does not start where another process serves, and removes the sockets nobody listens on', async () => {
    const at = address()
    const first = await started(at, echo().run)
    expect(await startResident(at, echo().run, () => true)).toBe('not started: another resident process serves this build')
    await ask(at.socket, request(['serve', '--stop']))
    await first.stopped

    // What killed processes leave: files at socket paths that nobody listens on, this build's and another's.
    writeFileSync(at.socket, '')
    writeFileSync(join(at.dir, 'older-build.sock'), '')
    const other = createServer({ allowHalfOpen: true }, (connection) => connection.on('end', () => connection.end()).resume())
    await new Promise<void>((resolve) => other.listen(join(at.dir, 'live-build.sock'), resolve))
    const second = await started(at, echo().run)
    expect(readdirSync(at.dir).sort()).toEqual(['build.sock', 'live-build.sock'])
    other.close()
    expect(await ask(at.socket, request(['x']))).toMatchObject({ out: `ran x in ${tmpdir()}\n` })
    await ask(at.socket, request(['serve', '--stop']))
    await second.stopped
  })

  it('tells a client that nobody took its request apart from one left unanswered', async () => {
    const at = address()
    mkdirSync(at.dir, { recursive: true })
    expect(await ask(at.socket, request(['done', 't-1']))).toBe('unreached')
    const mute = createServer({ allowHalfOpen: true }, (connection) => connection.on('end', () => connection.destroy()).resume())
    await new Promise<void>((resolve) => mute.listen(at.socket, resolve))
    expect(await ask(at.socket, request(['done', 't-1']))).toBe('unanswered')
    await new Promise((resolve) => mute.close(resolve))
    // Answers nothing, and hangs up after the client gave up waiting.
    const slow = createServer({ allowHalfOpen: true }, (connection) => {
      connection.resume()
      setTimeout(() => connection.destroy(), 1_000)
    })
    await new Promise<void>((resolve) => slow.listen(at.socket, resolve))
    expect(await ask(at.socket, request(['hook']), 200)).toBe('unanswered')
    await new Promise((resolve) => slow.close(resolve))
  })
})
