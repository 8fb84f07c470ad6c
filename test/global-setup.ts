// The hooks run in the tests start resident processes, as an installed plugin's do; each
// would wait up to 15 idle minutes for more. After the run their sockets are removed, which
// each notices within seconds and ends (src/resident/server.ts).
import { readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Resident socket directories under `dir`, up to `depth` levels down. */
function residentDirs(dir: string, depth: number): string[] {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return []
  }
  if (entries.includes('resident')) return [join(dir, 'resident')]
  return depth === 0 ? [] : entries.flatMap((entry) => residentDirs(join(dir, entry), depth - 1))
}

export default function setup(): () => void {
  const started = Date.now()
  return () => {
    for (const entry of readdirSync(tmpdir()).filter((name) => name.startsWith('tasktrail-'))) {
      const dir = join(tmpdir(), entry)
      if (statSync(dir).mtimeMs < started - 1_000) continue
      for (const resident of residentDirs(dir, 2)) rmSync(resident, { recursive: true, force: true })
    }
  }
}
