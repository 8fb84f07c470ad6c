// Text from Claude Code (or any other plain source) as a task title that cannot break out of
// its line: one line, every character that could start markup escaped, length capped.

/** Longest title plainTitle returns, in user-perceived characters (the cut adds `…`). */
export const PLAIN_TITLE_MAX = 200

const UNTITLED = '(untitled)'

// Backslash escapes are exact in CommonMark: `\*` reads as `*`. Escaping `[`, `]` and `<`
// is what keeps metadata tokens and id comments out; the rest keeps emphasis, code, links,
// entities, tables and math (GitHub) from changing the visible text.
const MARKUP = /[\\`*_[\]<>&~|$]/g

// Made on first use: building a segmenter loads ICU break data, several milliseconds that
// every hook process (which imports this module) would pay for titles that are never cut.
let graphemes: Intl.Segmenter | undefined

/** Text cut to PLAIN_TITLE_MAX graphemes, the last one `…` when something was cut. */
function cap(text: string): string {
  if (text.length <= PLAIN_TITLE_MAX) return text
  let kept = ''
  let count = 0
  graphemes ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' })
  for (const { segment } of graphemes.segment(text)) {
    if (count === PLAIN_TITLE_MAX) return `${kept.trimEnd()}…`
    if (count < PLAIN_TITLE_MAX - 1) kept += segment
    count++
  }
  return text
}

export function plainTitle(text: string): string {
  const line = text.replace(/[\x00-\x08\x0e-\x1f\x7f\x85]/g, '').replace(/\s+/g, ' ').trim()
  if (line === '') return UNTITLED
  return cap(line).replace(MARKUP, '\\$&')
}
