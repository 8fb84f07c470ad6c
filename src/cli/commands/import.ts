import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { importDocument, readExportDocument } from '../../store/exchange.js'
import type { Command } from '../command.js'
import { openContext } from '../context.js'
import { CliError } from '../errors.js'
import { printJson } from '../output.js'
import { changeAndSync } from './sync.js'

const importCommand: Command = {
  usage: 'import FILE [--json]',
  summary: 'read tasks exported with tasktrail export into the current project',
  positionals: [1, 1],
  options: { json: { type: 'boolean' } },
  async run(invocation) {
    const path = resolve(invocation.cwd, invocation.positionals[0]!)
    let document
    try {
      document = readExportDocument(JSON.parse(readFileSync(path, 'utf8')))
    } catch (error) {
      throw new CliError(`cannot import ${path}: ${(error as Error).message}; nothing was imported`)
    }
    const context = openContext(invocation)
    const result = await changeAndSync(context, invocation.output, () => importDocument(context.store, context.repo.id, document, 'cli'))
    if (invocation.values.json) printJson(invocation.output, result)
    else invocation.output.out(`imported ${path}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged`)
  }
}

export default importCommand
