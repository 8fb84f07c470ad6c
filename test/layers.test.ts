// The floors of src/ (docs/ARCHITECTURE.md): a folder imports only folders on floors below
// its own, read from the import lines of every source file.
import { readdirSync, readFileSync } from 'node:fs'
import { join, posix, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

const SRC = join(import.meta.dirname, '..', 'src')

/** Bottom up; folders on one floor do not import each other. */
const FLOORS: readonly string[][] = [
  ['model'],
  ['markdown', 'billing', 'project', 'install'],
  ['store'],
  ['sync'],
  ['hooks'],
  ['report', 'board', 'mcp'],
  ['cli']
]

const floorOf = (folder: string): number => FLOORS.findIndex((floor) => floor.includes(folder))

/** The relative modules a source imports: `from '…'`, `import '…'` and `import('…')`. */
function importedPaths(source: string): string[] {
  const pattern = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g
  return [...source.matchAll(pattern)].map((m) => m[1]!)
}

/** Each import of `file` (a path under src/, with /) that reaches a folder not below its own. */
function upwardImports(file: string, source: string): string[] {
  const from = file.split('/')[0]!
  return importedPaths(source).flatMap((path) => {
    const target = posix.normalize(posix.join(posix.dirname(file), path))
    const to = target.split('/')[0]!
    return to !== from && !(floorOf(to) < floorOf(from)) ? [`src/${file} imports src/${target}`] : []
  })
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [relative(SRC, path).split(/[\\/]/).join('/')] : []
  })
}

describe('the floors of src/', () => {
  it('place every folder', () => {
    const folders = readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name)
    expect(folders.filter((folder) => floorOf(folder) < 0)).toEqual([])
    expect(readdirSync(SRC, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name)).toEqual([])
  })

  it('are never imported upwards or sideways', () => {
    const files = sourceFiles(SRC)
    expect(files.length).toBeGreaterThan(100)
    const found = files.flatMap((file) => upwardImports(file, readFileSync(join(SRC, file), 'utf8')))
    expect(found).toEqual([])
  })

  it('catch an upward import however it is written', () => {
    const upward = [
      "import { Store } from '../store/store.js'",
      "import type {\n  Store\n} from '../store/store.js'",
      "export { Store } from '../store/store.js'",
      "const { Store } = await import('../store/store.js')",
      "import '../store/store.js'"
    ]
    for (const line of upward) expect(upwardImports('billing/x.ts', line)).toEqual(['src/billing/x.ts imports src/store/store.js'])
    expect(upwardImports('markdown/x.ts', "import { Store } from '../store/store.js'")).toHaveLength(1)
    expect(upwardImports('billing/x.ts', "import { markerFor } from '../markdown/task-line.js'")).toHaveLength(1)
    expect(upwardImports('store/x.ts', "import { isTaskId } from '../model/ids.js'\nimport { y } from './y.js'")).toEqual([])
    expect(upwardImports('hooks/adapters/x.ts', "import { Store } from '../../store/store.js'")).toEqual([])
    expect(upwardImports('hooks/adapters/x.ts', "import { main } from '../../cli/main.js'")).toHaveLength(1)
  })
})
