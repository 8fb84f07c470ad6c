// Reading back the merge driver `tasktrail init` registers.
import { describe, expect, it } from 'vitest'
import { cliCommand, cliOfDriver, driverOf } from '../../src/sync/git-merge.js'

describe('cliOfDriver', () => {
  it('reads the CLI path back from the driver init sets, whatever characters the path has', () => {
    for (const cli of ['/opt/tasktrail/bin/tasktrail.js', '/home/a b/"quoted"/x\\y/tasktrail.js', 'C:\\Users\\me\\tasktrail.js']) {
      expect(cliOfDriver(driverOf(cliCommand(cli)))).toBe(cli)
    }
  })

  it('is undefined for a driver set otherwise, including one written by hand that is no JSON string', () => {
    expect(cliOfDriver('tasktrail merge-driver %O %A %B %P')).toBeUndefined()
    expect(cliOfDriver('node "/x/tasktrail.js" merge-driver %A %B')).toBeUndefined()
    expect(cliOfDriver('node "C:\\path\\tasktrail.js" merge-driver %O %A %B %P')).toBeUndefined()
  })
})
