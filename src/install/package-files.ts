// Files shipped with tasktrail (templates/, hooks/): found by walking up from the running
// code, which is dist/ in the package and src/install/ in a checkout.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'

export function packageFile(relative: string): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const file = join(dir, relative)
    if (existsSync(file)) return readFileSync(file, 'utf8')
    if (dirname(dir) === dir) throw new Error(`${relative} is missing from the tasktrail package; reinstall tasktrail`)
  }
}
