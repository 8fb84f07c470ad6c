import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/store/open.js'
import { Store } from '../../src/store/store.js'
import { json } from '../helpers/cli.js'
import { seededSandbox, TODAY } from './helpers.js'

process.env.TZ = 'UTC'

describe('seedMspExample', () => {
  it('fills the two working days before today with billed requests for two clients and one project', () => {
    const box = seededSandbox()
    const store = new Store(openDatabase(box.db), () => TODAY)
    expect(box.requests).toHaveLength(7)
    expect(store.workItems().map((w) => [w.date, w.client, w.category, w.billable_minutes])).toEqual([
      ['2025-03-10', 'Dataforth', 'Implementation', 54],
      ['2025-03-10', 'Dataforth', 'Bug fix', 30],
      ['2025-03-11', 'Dataforth', 'Review', 18],
      ['2025-03-11', 'Dataforth', 'Documentation', 18],
      ['2025-03-11', 'Northwind Traders', 'Deployment', 15]
    ])
    store.close()
    expect(json(box, ['clients']).clients.map((c: { name: string; completed: number }) => [c.name, c.completed])).toEqual([['Dataforth', 8], ['Northwind Traders', 1]])
    expect(json(box, ['projects']).projects).toEqual([{ name: 'My website', open: 0, completed: 1, active_minutes: 15, billable_minutes: 0 }])
  })
})
