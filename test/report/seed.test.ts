import { describe, expect, it } from 'vitest'
import { tasktrail } from '../helpers/cli.js'
import { seededSandbox } from './helpers.js'

process.env.TZ = 'UTC'

describe('the seeded MSP example', () => {
  it('gives a timesheet a consultant could send', () => {
    const box = seededSandbox()
    const run = tasktrail(box, ['report', '--client', 'Dataforth'])
    console.log(run.stdout, run.stderr)
    expect(run.code).toBe(0)
  })
})
