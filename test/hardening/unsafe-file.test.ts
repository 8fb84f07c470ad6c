// Guarantee 5 for TASKS.md files tasktrail must not read or replace: a directory, a link out
// of the repository, invalid UTF-8, a read-only file, a full disk. Each is refused: the file
// stays as it was and the hook's change is kept in the store. Found by the hardening attacks.
import { execFileSync } from 'node:child_process'
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { CLI, sandbox, tasktrail } from '../helpers/cli.js'
import { exported } from './agreement.js'
import { Session } from './events.js'
import { hookAsync, isHookOutput, logLines } from './processes.js'

async function taskCreate(box: ReturnType<typeof sandbox>) {
  const run = await hookAsync(box, new Session('bugs', box.project).taskCreate('Added by the hook').event)
  expect(run.code).toBe(0)
  return run
}
const hookTaskKept = (box: ReturnType<typeof sandbox>) => expect(exported(box).map((t) => t.title)).toContain('Added by the hook')

describe('a TASKS.md tasktrail must not replace', () => {
  it('TASKS.md is a directory: the hook change is kept in the store', async () => {
    const box = sandbox()
    mkdirSync(join(box.project, 'TASKS.md'))
    await taskCreate(box)
    hookTaskKept(box)
  })

  it('TASKS.md is a symlink outside the repository: refused, the link kept', async () => {
    const box = sandbox()
    const outside = join(box.dir, 'outside.md')
    writeFileSync(outside, '- [ ] outside task\n')
    symlinkSync(outside, join(box.project, 'TASKS.md'))
    await taskCreate(box)
    expect(statSync(join(box.project, 'TASKS.md'), { throwIfNoEntry: false }) && readFileSync(outside, 'utf8')).toBe('- [ ] outside task\n')
    expect(execFileSync('stat', ['-c', '%F', join(box.project, 'TASKS.md')], { encoding: 'utf8' }).trim()).toBe('symbolic link')
    hookTaskKept(box)
  })

  it('invalid UTF-8 in TASKS.md: refused or kept byte for byte', async () => {
    const box = sandbox()
    const bytes = Buffer.from('- [ ] caf\xe9 latin1\n- [ ] ok\n', 'latin1')
    writeFileSync(join(box.project, 'TASKS.md'), bytes)
    await taskCreate(box)
    const after = readFileSync(join(box.project, 'TASKS.md'))
    expect(after.subarray(0, 16)).toEqual(bytes.subarray(0, 16))
    hookTaskKept(box)
  })

  it('a read-only TASKS.md (0444): refused and kept', async () => {
    const box = sandbox()
    const path = join(box.project, 'TASKS.md')
    writeFileSync(path, '- [ ] a\n')
    chmodSync(path, 0o444)
    await taskCreate(box)
    expect(readFileSync(path, 'utf8')).toBe('- [ ] a\n')
    expect(statSync(path).mode & 0o777).toBe(0o444)
    hookTaskKept(box)
  })

  it('a full disk (1 MiB tmpfs, needs root): the hook change kept, no temp file left, the CLI refuses clearly', async () => {
    const box = sandbox()
    const mount = join(box.dir, 'full')
    mkdirSync(mount)
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mount])
    try {
      const project = join(mount, 'project')
      execFileSync('git', ['init', '-q', '--template=', project])
      writeFileSync(join(project, 'TASKS.md'), Array.from({ length: 20 }, (_, i) => `- [ ] Task ${i}\n`).join(''))
      const full = { ...box, project }
      expect(tasktrail(full, ['sync']).code).toBe(0)
      const before = readFileSync(join(project, 'TASKS.md'))
      try {
        execFileSync('dd', ['if=/dev/zero', `of=${join(mount, 'filler')}`, 'bs=1k', 'count=100000'], { stdio: 'ignore' })
      } catch {
        // dd stops at ENOSPC: the disk is full now.
      }
      await taskCreate(full)
      expect(readFileSync(join(project, 'TASKS.md'))).toEqual(before)
      expect(readdirSync(project).filter((f) => f.endsWith('.tmp'))).toEqual([])
      hookTaskKept(full)
      const list = tasktrail(full, ['list'])
      expect(list.stderr).not.toMatch(/internal error/)
    } finally {
      execFileSync('umount', [mount])
    }
  })
})

describe('a write that cannot complete', () => {
  // Simulated with the file size limit (ulimit -f): a write past 1 MiB fails (EFBIG) the way a
  // full disk fails it (ENOSPC), without root or a mount.
  it('a TASKS.md that cannot be written in full is kept byte for byte, and the hook still exits 0', () => {
    const box = sandbox()
    const path = join(box.project, 'TASKS.md')
    // 3 MB of notes, not tasks: the store stays small, the file the hook rewrites does not.
    const content = `# Notes\n\n\`\`\`\n${'w'.repeat(3_000_000)}\n\`\`\`\n\n- [ ] small\n`
    writeFileSync(path, content)
    const event = JSON.stringify(new Session('full', box.project).taskCreate('Added by the hook').event)
    const run = spawnSync('sh', ['-c', 'ulimit -f 2048 && exec "$0" "$1" hook', process.execPath, CLI], {
      cwd: box.project,
      env: { ...box.env, CLAUDE_PROJECT_DIR: box.project },
      input: event,
      encoding: 'utf8'
    })
    expect(run.status).toBe(0)
    expect(run.stderr).toBe('')
    expect(isHookOutput(run.stdout)).toBe(true)
    expect(readFileSync(path, 'utf8')).toBe(content)
    expect(logLines(box).join('\n')).toMatch(/EFBIG/)
  })
})
