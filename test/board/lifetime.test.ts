// A board started for a session (--owner PID, what /tasktrail:board runs) lives in the
// background only while that process does; asked again, it gives the same board.
import { spawn, spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sandbox, tasktrail } from '../helpers/cli.js'
import { alive } from '../../src/install/alive.js'

async function until(check: () => Promise<boolean> | boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 100))) if (await check()) return true
  return check()
}
const answers = (url: string) => fetch(url).then((r) => r.status, () => 'refused')

describe('tasktrail board --owner PID', () => {
  it('prints the URL and returns; the board serves until the owner ends, then ends too', async () => {
    const box = sandbox()
    const owner = spawn('sleep', ['60'], { stdio: 'ignore' })
    try {
      const first = tasktrail(box, ['board', '--owner', String(owner.pid)])
      expect(first.code, first.stderr).toBe(0)
      const url = /tasktrail board: (\S+)/.exec(first.stdout)![1]!
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/)
      expect(await answers(url)).toBe(200)
      // Asked again in the same session: the same board, not a second one.
      expect(tasktrail(box, ['board', '--owner', String(owner.pid)]).stdout).toContain(url)
      const records = join(box.env.TASKTRAIL_HOME!, 'boards')
      const [record] = readdirSync(records)
      const { pid } = JSON.parse(readFileSync(join(records, record!), 'utf8')) as { pid: number }
      expect(alive(pid)).toBe(true)

      owner.kill()
      expect(await until(() => !alive(pid), 5_000)).toBe(true)
      expect(await answers(url)).toBe('refused')
      expect(readdirSync(records)).toEqual([])
    } finally {
      owner.kill()
    }
  })

  it('refuses an owner that is not running, and starts nothing', () => {
    const box = sandbox()
    const gone = spawnSync('true').pid
    const run = tasktrail(box, ['board', '--owner', String(gone)])
    expect(run).toMatchObject({ code: 1, stdout: '' })
    expect(run.stderr).toBe(`tasktrail: no process ${gone} is running, so a board for it would end at once; nothing was started\n`)
  })
})
