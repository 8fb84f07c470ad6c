// The `export const meta = { name, description, phases: [{ title, detail? }] }` a Workflow
// script starts with. Claude Code requires it to be a literal, so it is read as data (JS
// object-literal syntax: quotes of either kind, bare keys, trailing commas), never run.
import { isFields, optionalString, ShapeError, type Fields } from './shape.js'

export interface WorkflowMeta {
  name: string | undefined
  description: string | undefined
  phases: Array<{ title: string; detail: string | undefined }>
}

/** The literal's text, from its `{` to the matching `}`, skipping braces inside strings. */
function literalAt(script: string, start: number): string {
  let depth = 0
  for (let i = start; i < script.length; i++) {
    const c = script[i]!
    if (c === '"' || c === "'" || c === '`') {
      i = stringEnd(script, i)
      continue
    }
    if (c === '{' || c === '[') depth++
    else if (c === '}' || c === ']') {
      depth--
      if (depth === 0) return script.slice(start, i + 1)
    }
  }
  throw new ShapeError('the meta literal of the workflow script is not closed')
}

/** The index of the quote that closes the string opened at `start`. */
function stringEnd(text: string, start: number): number {
  const quote = text[start]
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++
    else if (text[i] === quote) return i
  }
  throw new ShapeError('a string of the workflow script is not closed')
}

/** The literal as JSON: strings re-quoted, bare keys quoted, trailing commas dropped. */
function toJson(literal: string): string {
  let out = ''
  for (let i = 0; i < literal.length; i++) {
    const c = literal[i]!
    if (c === '"' || c === "'" || c === '`') {
      const end = stringEnd(literal, i)
      const body = literal.slice(i + 1, end)
      if (c === '`' && body.includes('${')) throw new ShapeError('the workflow meta has a template string')
      out += JSON.stringify(body.replace(/\\(.)/g, (_, ch: string) => ({ n: '\n', t: '\t' })[ch] ?? ch))
      i = end
    } else if (c === '/' && literal[i + 1] === '/') {
      const end = literal.indexOf('\n', i)
      i = end < 0 ? literal.length : end
    } else if (c === '/' && literal[i + 1] === '*') {
      const end = literal.indexOf('*/', i + 2)
      i = end < 0 ? literal.length : end + 1
    } else if (/[A-Za-z_$]/.test(c)) {
      const word = /^[A-Za-z_$][\w$]*/.exec(literal.slice(i))![0]
      out += ['true', 'false', 'null'].includes(word) ? word : JSON.stringify(word)
      i += word.length - 1
    } else out += c
  }
  return out.replace(/,(\s*[}\]])/g, '$1')
}

export function workflowMeta(script: string): WorkflowMeta {
  const match = /export\s+const\s+meta\s*=\s*\{/.exec(script)
  if (!match) throw new ShapeError('the workflow script has no `export const meta = {…}`')
  let value: unknown
  try {
    value = JSON.parse(toJson(literalAt(script, match.index + match[0].length - 1)))
  } catch (error) {
    if (error instanceof ShapeError) throw error
    throw new ShapeError('the workflow meta is not a literal')
  }
  if (!isFields(value)) throw new ShapeError('the workflow meta is not an object')
  const phases = Array.isArray(value.phases) ? value.phases.filter(isFields) : []
  return {
    name: optionalString(value, 'name'),
    description: optionalString(value, 'description'),
    phases: phases
      .map((phase: Fields) => ({ title: optionalString(phase, 'title') ?? '', detail: optionalString(phase, 'detail') }))
      .filter((phase) => phase.title.trim() !== '')
  }
}
