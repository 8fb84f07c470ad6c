// Restyles a rendered checklist the way people write them: other bullets, numbers, tabs,
// wider indentation, block quotes (callouts nest them: `> > `), loose lists, CRLF, a BOM, no
// final newline, and notes under each task after a hard break (`\` ending the task's line).
import fc from 'fast-check'

export interface Style {
  bullet: '-' | '*' | '+' | '1.' | '1)'
  indent: string
  quote: '' | '> ' | '> > '
  breaks: boolean
  loose: boolean
  crlf: boolean
  bom: boolean
  finalNewline: boolean
}

export const styleArb: fc.Arbitrary<Style> = fc
  .record({
    bullet: fc.constantFrom('-' as const, '*' as const, '+' as const, '1.' as const, '1)' as const),
    indent: fc.constantFrom('  ', '   ', '    ', '\t'),
    quote: fc.constantFrom('' as const, '> ' as const, '> > ' as const),
    breaks: fc.boolean(),
    loose: fc.boolean(),
    crlf: fc.boolean(),
    bom: fc.boolean(),
    finalNewline: fc.boolean()
  })
  // `1.` needs 3 columns of indentation; a tab after `> ` only gives 2.
  .filter((style) => style.bullet.length === 1 || (style.indent !== '  ' && !(style.quote !== '' && style.indent === '\t')))

export function restyle(rendered: string, style: Style): string {
  const lines = rendered.replace(/\n$/, '').split('\n')
  const out: string[] = []
  const quote = style.quote
  let inList = false
  for (const line of lines) {
    // `s`: a title may hold U+2028/U+2029, which `.` does not match in JavaScript, but
    // markdown treats as ordinary characters.
    const item = /^((?: {2})*)- (.*)$/s.exec(line)
    if (!item) {
      out.push(line)
      inList = false
      continue
    }
    const depth = (item[1] as string).length / 2
    if (style.loose && depth === 0 && inList) out.push(quote.trimEnd())
    const prefix = `${quote}${style.indent.repeat(depth)}`
    out.push(`${prefix}${style.bullet} ${item[2]}${style.breaks ? '\\' : ''}`)
    if (style.breaks) out.push(`${prefix}${' '.repeat(style.bullet.length + 1)}a note after a hard break`)
    inList = true
  }
  const eol = style.crlf ? '\r\n' : '\n'
  return (style.bom ? '\uFEFF' : '') + out.join(eol) + (style.finalNewline ? eol : '')
}
