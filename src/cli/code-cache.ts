// Loading the bundled CLI with a V8 code cache. Every tasktrail process compiles the CLI
// before it runs a command: the top level of ~300 KB of source, then each function the
// command calls. V8 can take that work from a cache it made in an earlier process (the
// bytecode of every function compiled by then), which measured ~7 ms of a `done` or a hook
// (CPU time, interleaved rounds; docs/PERFORMANCE.md). Node 20 has no module compile cache,
// so the file is compiled here as require() would, through vm.Script with `cachedData`.
//
// V8 checks a cache against its own version and flags and the source's length only, so the
// cache's name carries the bundle's build id (a hash of its content, on its first line,
// written by scripts/bundle.js and read from the very bytes compiled here): a cache is never
// used for another build. One cache per command (a hook and `done` compile different
// functions), made at the exit of the first process that found none, written to a temp file
// and renamed: processes racing to write it each write a whole file, and a reader sees one
// whole file or none. A cache V8 rejects (another Node, other flags) is compiled without and
// written again; any failure to read or write one costs only the time.
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import Module from 'node:module'
import { dirname, join } from 'node:path'
import { Script } from 'node:vm'

/** The build id scripts/bundle.js writes on the bundle's first line. */
const BUILD_LINE = /^\/\/ tasktrail build ([0-9a-f]+)\n/

/** Caches of other builds are removed by a process that writes one, once a week old. */
const STALE_MS = 7 * 24 * 3600 * 1000

interface ModuleInternals {
  _nodeModulePaths(dir: string): string[]
  _cache: Record<string, unknown>
  wrap(source: string): string
}

/** A command name fit for a file name; anything else shares one cache. */
const cacheName = (command: string | undefined) => (command && /^[a-z][a-z-]{0,31}$/.test(command) ? command : 'other')

/**
 * Runs the CommonJS file `file` as require() would and returns its exports, compiled from the
 * code cache in `dir` for `command` when there is a valid one, and leaving one there at exit
 * when there was none.
 */
export function requireCached(file: string, dir: string, command: string | undefined): unknown {
  const source = readFileSync(file, 'latin1')
  const build = BUILD_LINE.exec(source)?.[1]
  if (build === undefined) return require(file)
  const prefix = `tasktrail-${build}-`
  const cacheFile = join(dir, `${prefix}${process.version}-${process.arch}-${cacheName(command)}.v8`)
  let cachedData: Buffer | undefined
  try {
    cachedData = readFileSync(cacheFile)
  } catch {
    // None yet: this process makes it.
  }
  const internals = Module as unknown as ModuleInternals
  const script = new Script(internals.wrap(source), { filename: file, cachedData })
  if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => writeCache(script, cacheFile, dir, prefix))
  const module = new Module(file, undefined)
  module.filename = file
  module.paths = internals._nodeModulePaths(dirname(file))
  internals._cache[file] = module
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void
  wrapper.call(module.exports, module.exports, Module.createRequire(file), module, file, dirname(file))
  module.loaded = true
  return module.exports
}

function writeCache(script: Script, cacheFile: string, dir: string, prefix: string): void {
  try {
    mkdirSync(dir, { recursive: true })
    const temp = `${cacheFile}.${process.pid}.tmp`
    writeFileSync(temp, script.createCachedData())
    renameSync(temp, cacheFile)
    const now = Date.now()
    for (const name of readdirSync(dir)) {
      // This build's caches stay; other builds' and temp files left by a crash go once stale.
      if ((name.startsWith(prefix) && !name.endsWith('.tmp')) || !name.startsWith('tasktrail-')) continue
      const other = join(dir, name)
      if (now - statSync(other).mtimeMs > STALE_MS) unlinkSync(other)
    }
  } catch {
    // A cache is an optimisation: without one the next process compiles as this one did.
  }
}
