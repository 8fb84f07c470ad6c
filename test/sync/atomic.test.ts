import { closeSync, ftruncateSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FileChangedDuringSync, lateSave, replaceIfUnchanged } from '../../src/sync/atomic.js'

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

describe('lateSave', () => {
  it('finds a save written in place into the file a sync has just replaced', () => {
    const d = dir()
    const path = join(d, 'TASKS.md')
    writeFileSync(path, '- [ ] one\n')
    const replaced = openSync(path, 'r')
    try {
      expect(lateSave(replaced, Buffer.from('- [ ] one\n'))).toBeNull()
      // The editor opened TASKS.md before the sync's rename and writes after its check.
      const editor = openSync(path, 'r+')
      writeFileSync(join(d, 'new.md'), '- [x] one\n')
      renameSync(join(d, 'new.md'), path)
      ftruncateSync(editor, 0)
      writeSync(editor, '- [ ] one\n- [ ] two, saved late\n', 0)
      closeSync(editor)
      expect(lateSave(replaced, Buffer.from('- [ ] one\n'))?.toString()).toBe('- [ ] one\n- [ ] two, saved late\n')
      expect(readFileSync(path, 'utf8')).toBe('- [x] one\n')
    } finally {
      closeSync(replaced)
    }
  })
})
