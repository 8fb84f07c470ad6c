import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileChangedDuringSync, replaceIfUnchanged } from '../../src/sync/atomic.js'

const dir = () => mkdtempSync(join(tmpdir(), 'tasktrail-atomic-'))

describe('replaceIfUnchanged', () => {
  it('replaces the file when it still holds the text the sync read, leaving no temp file', () => {
    const d = dir()
    const path = join(d, 'TASKS.md')
    writeFileSync(path, '- [ ] one\n')
    replaceIfUnchanged(path, '- [x] one\n', '- [ ] one\n')
    expect(readFileSync(path, 'utf8')).toBe('- [x] one\n')
    expect(readdirSync(d)).toEqual(['TASKS.md'])
  })

  it('keeps a hand edit saved between the read and the rename, and says so', () => {
    const d = dir()
    const path = join(d, 'TASKS.md')
    writeFileSync(path, '- [ ] one\n')
    const read = '- [ ] one\n'
    writeFileSync(path, '- [ ] one\n- [ ] two, typed during the sync\n')
    expect(() => replaceIfUnchanged(path, '- [x] one\n', read)).toThrow(FileChangedDuringSync)
    expect(readFileSync(path, 'utf8')).toBe('- [ ] one\n- [ ] two, typed during the sync\n')
    expect(readdirSync(d)).toEqual(['TASKS.md'])
  })

  it('creates a file only where none appeared meanwhile', () => {
    const d = dir()
    const path = join(d, 'TASKS.md')
    replaceIfUnchanged(path, '# Tasks\n', null)
    expect(readFileSync(path, 'utf8')).toBe('# Tasks\n')
    expect(() => replaceIfUnchanged(path, '# Other\n', null)).toThrow(FileChangedDuringSync)
  })
})
