// Reading a command line: arguments without options skip node's parseArgs, and must read as it would.
import { parseArgs } from 'node:util'
import { describe, expect, it } from 'vitest'
import { commandFirst, GLOBAL_OPTIONS, parseInvocation, type Command } from '../../src/cli/command.js'

const command: Command = {
  usage: 'done ID… [--json]',
  summary: 'completes tasks',
  options: { json: { type: 'boolean' }, note: { type: 'string' } },
  positionals: [0, 3],
  run: () => 0
}

const byParseArgs = (argv: string[]) => {
  const { values, positionals } = parseArgs({ args: argv, options: { ...GLOBAL_OPTIONS, ...command.options }, allowPositionals: true, strict: true })
  return { values: { ...values }, positionals }
}

describe('parseInvocation', () => {
  it.each([[[]], [['t-0000001']], [['t-0000001', 't-0000002', 'a title with spaces']], [['']]])('reads %j as parseArgs does', (argv) => {
    const parsed = parseInvocation(command, 'done', argv)
    expect({ values: { ...parsed.values }, positionals: parsed.positionals }).toEqual(byParseArgs(argv))
  })

  it('reads options with parseArgs, and refuses an unknown one with the usage', () => {
    expect(parseInvocation(command, 'done', ['t-0000001', '--json']).values).toEqual({ json: true })
    expect(() => parseInvocation(command, 'done', ['--jsn'])).toThrow(/Unknown option '--jsn'/)
  })

  it('counts the arguments either way', () => {
    expect(() => parseInvocation(command, 'done', ['a', 'b', 'c', 'd'])).toThrow('done takes 0 to 3 arguments, got 4')
  })
})

describe('commandFirst', () => {
  it.each([
    [['-C', 'dir', 'list', '--all'], ['list', '-C', 'dir', '--all']],
    [['--db', 'x.db', '-Cdir', 'done', 't-1'], ['done', '--db', 'x.db', '-Cdir', 't-1']],
    [['--db=x.db', 'show', 'abc'], ['show', '--db=x.db', 'abc']],
    [['list', '-C', 'dir'], ['list', '-C', 'dir']],
    [['--help'], ['--help']],
    [['-C', 'dir'], []]
  ])('moves the global options before %j after the command', (argv, expected) => {
    expect(commandFirst(argv)).toEqual(expected)
  })
})
