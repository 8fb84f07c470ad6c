import { build } from 'esbuild'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { hasConflictMarkers, MarkdownRefusal, parse, plainTitle, render } from '../../src/markdown/index.js'

describe('the light entry', () => {
  it('does not load remark, micromark or unified', async () => {
    const result = await build({ entryPoints: ['src/markdown/splice-entry.ts'], bundle: true, platform: 'node', format: 'esm', write: false, metafile: true, logLevel: 'silent' })
    const inputs = Object.keys(result.metafile.inputs)
    expect(inputs.filter((path) => /remark|micromark|unified|mdast/.test(path))).toEqual([])
    expect(inputs.some((path) => path.endsWith('splice.ts'))).toBe(true)
  })
})

describe('templates/TASKS.md', () => {
  it('is what render() writes for a project without tasks', () => {
    expect(readFileSync('templates/TASKS.md', 'utf8')).toBe(render([]))
    expect(parse(render([])).tasks).toEqual([])
  })

  it('is ASCII, so a TASKS.md of ASCII tasks decodes on the fast path', () => {
    expect(render([])).toMatch(/^[\x00-\x7f]*$/)
  })
})

describe('refusals', () => {
  it.each([
    ['- [ ] a\n<<<<<<< HEAD\n- [ ] b\n=======\n- [ ] c\n>>>>>>> main\n', 2],
    ['- [ ] a\n- [ ] b\0\n', 2],
    ['- [ ] a\r- [ ] b\n', 1]
  ])('refuses %j at line %i', (source, line) => {
    expect(() => parse(source)).toThrow(MarkdownRefusal)
    try {
      parse(source)
    } catch (error) {
      expect((error as MarkdownRefusal).line).toBe(line)
    }
  })

  it('reads a setext heading underline of seven = as a heading, not a conflict', () => {
    expect(hasConflictMarkers('Title\n=======\n')).toBeNull()
  })
})

describe('plainTitle', () => {
  it('turns hostile text into one task with that visible text and no hijacked id or metadata', () => {
    const text = '# heading\n> quote\n- [x] fake <!-- t-abc1234 --> [type:: research] [agent:: x] *em* `code` 1. \\'
    const title = plainTitle(text)
    const parsed = parse(`- [ ] ${title} <!-- t-abcd9 -->\n`)
    expect(parsed.tasks).toHaveLength(1)
    expect(parsed.tasks[0]).toMatchObject({ id: 't-abcd9', title, meta: {}, status: 'pending' })
    expect(title.replace(/\\(.)/g, '$1')).toBe(text.replace(/\s+/g, ' '))
  })

  it('caps 100 kB to 200 characters ending in …', () => {
    const title = plainTitle('word '.repeat(20_000))
    expect([...new Intl.Segmenter().segment(title)].length).toBeLessThanOrEqual(200)
    expect(title.endsWith('…')).toBe(true)
  })
})
