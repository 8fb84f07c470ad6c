// Who may talk to the board, and what the board asks of the CLI: pure functions.
import { describe, expect, it } from 'vitest'
import { refusal, type RequestFacts } from '../../src/board/guard.js'
import { commandArgs, type Steer } from '../../src/board/steer.js'

const TOKEN = 'a'.repeat(32)
const ok: RequestFacts = { host: '127.0.0.1:4100', origin: undefined, fetchSite: undefined, token: TOKEN }

describe('refusal', () => {
  it('lets through the board\'s own page, by 127.0.0.1 or localhost, with the token', () => {
    expect(refusal(ok, 4100, TOKEN)).toBeNull()
    expect(refusal({ ...ok, host: 'localhost:4100', origin: 'http://localhost:4100', fetchSite: 'same-origin' }, 4100, TOKEN)).toBeNull()
    expect(refusal({ ...ok, fetchSite: 'none' }, 4100, TOKEN)).toBeNull()
  })

  it('refuses another Host (DNS rebinding), another port, or none', () => {
    expect(refusal({ ...ok, host: 'evil.example:4100' }, 4100, TOKEN)).toMatchObject({ status: 421 })
    expect(refusal({ ...ok, host: '127.0.0.1:4101' }, 4100, TOKEN)).toMatchObject({ status: 421 })
    expect(refusal({ ...ok, host: undefined }, 4100, TOKEN)).toMatchObject({ status: 421 })
  })

  it('refuses another site, even with the token', () => {
    expect(refusal({ ...ok, origin: 'http://evil.example' }, 4100, TOKEN)).toEqual({ status: 403, message: 'requests from another site (http://evil.example) may not read or change tasks' })
    expect(refusal({ ...ok, origin: 'http://127.0.0.1:4101' }, 4100, TOKEN)).toMatchObject({ status: 403 })
    expect(refusal({ ...ok, origin: 'null' }, 4100, TOKEN)).toMatchObject({ status: 403 })
    expect(refusal({ ...ok, fetchSite: 'cross-site' }, 4100, TOKEN)).toMatchObject({ status: 403 })
    expect(refusal({ ...ok, fetchSite: 'same-site' }, 4100, TOKEN)).toMatchObject({ status: 403 })
  })

  it('refuses a missing, wrong or partial token', () => {
    for (const token of [null, '', 'b'.repeat(32), TOKEN.slice(1), `${TOKEN}a`]) {
      expect(refusal({ ...ok, token }, 4100, TOKEN)).toEqual({ status: 403, message: 'this board needs the token in the URL that tasktrail board printed; open that URL' })
    }
  })
})

describe('commandArgs', () => {
  it('turns each action into the CLI command, text after --, values as --name=VALUE', () => {
    expect(commandArgs({ action: 'done', id: 't-1' })).toEqual(['done', '--', 't-1'])
    expect(commandArgs({ action: 'block', id: 't-1', reason: '--waiting' })).toEqual(['block', '--reason=--waiting', '--', 't-1'])
    expect(commandArgs({ action: 'rename', id: 't-1', title: '-x' })).toEqual(['rename', '--', 't-1', '-x'])
    expect(commandArgs({ action: 'add', parent: 't-1', title: 'Step' })).toEqual(['add', '--parent=t-1', '--', 'Step'])
    expect(commandArgs({ action: 'bill', id: 't-1', minutes: 30 })).toEqual(['bill', '--minutes=30', '--', 't-1'])
  })

  it('refuses what is no action of the board, and text that is not text', () => {
    expect(() => commandArgs({ action: 'delete', id: 't-1' } as unknown as Steer)).toThrow('"delete" is not something the board does; it does start, done, block, cancel, reopen, rename, add, bill')
    expect(() => commandArgs({ action: 'done', id: 7 } as unknown as Steer)).toThrow('"id" must be text')
    expect(() => commandArgs(null as unknown as Steer)).toThrow('send an object with an "action"')
  })
})
