// Bundles the CLI (which is also the hook entry point) into dist/ with esbuild, as
// CommonJS: one CommonJS file starts markedly faster than ESM here (no ESM loader, no
// source lexer for better-sqlite3). Every dynamic import() of our own code becomes a
// separate file loaded only when that code runs, so remark and chokidar cost nothing to
// the commands and hooks that do not need them. better-sqlite3's JavaScript is bundled
// too (its dozen files cost ~8 ms to load one by one); its native addon is loaded from
// node_modules by path (src/store/open.ts), so `bindings` is never called.
//
// A class defined in light code and used in heavy code is duplicated in both files, so
// errors crossing that boundary are recognised by name, never with instanceof.
import { createHash } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { build } from 'esbuild'

const root = resolve(import.meta.dirname, '..')
const dist = join(root, 'dist')
const src = join(root, 'src')

/** dist file name of a lazily loaded source module: src/markdown/parse.ts → markdown-parse.js */
const lazyName = (file) => relative(src, file).replace(/\.ts$/, '').replaceAll('/', '-') + '.js'

function lazyImports(queue) {
  return {
    name: 'lazy-imports',
    setup(builder) {
      builder.onResolve({ filter: /^\./ }, (args) => {
        if (args.kind !== 'dynamic-import' || !args.importer.startsWith(src)) return undefined
        const file = resolve(dirname(args.importer), args.path).replace(/\.js$/, '.ts')
        queue.add(file)
        return { path: `./${lazyName(file)}`, external: true }
      })
    }
  }
}

// child_process (with net and the streams it loads) costs a tenth of a hook's run, and only
// init, doctor, the merge driver and the runtime install spawn anything. Each use requires
// the module when called.
const LAZY_BUILTINS = { 'node:child_process': ['spawn', 'spawnSync'] }

function lazyBuiltins() {
  return {
    name: 'lazy-builtins',
    setup(builder) {
      builder.onResolve({ filter: /^node:/ }, (args) => {
        if (!(args.path in LAZY_BUILTINS)) return undefined
        // The stand-in's own require() is the real module.
        return args.namespace === 'lazy-builtin' ? { path: args.path, external: true } : { path: args.path, namespace: 'lazy-builtin' }
      })
      builder.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
        contents: LAZY_BUILTINS[args.path].map((name) => `export function ${name}(...args) { return require(${JSON.stringify(args.path)}).${name}(...args) }`).join('\n'),
        loader: 'js'
      }))
    }
  }
}

async function bundle(entry, outfile, queue, external = []) {
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['bindings', ...external],
    define: { 'import.meta.dirname': '__dirname', 'import.meta.url': '__import_meta_url' },
    banner: { js: "var __import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    plugins: [lazyImports(queue), lazyBuiltins()],
    // import() of a lazy file becomes require(): a native import() would send the CommonJS
    // file through the ESM loader, which first scans all of it (34–45 ms for the parser).
    supported: { 'dynamic-import': false },
    legalComments: 'none',
    // Measured on a hook's start: one non-ASCII character anywhere (a comment's ellipsis)
    // makes V8 hold the whole source as UTF-16 and read and compile it ~8 ms slower; the
    // whitespace and comments cost ~3.5 ms more. Names stay, so stack traces in the log read.
    minifyWhitespace: true,
    minifySyntax: true,
    charset: 'ascii',
    logLevel: 'warning'
  })
}

// Built aside, then moved in file by file (each rename is atomic), so a CLI or hook running
// meanwhile never finds dist/ missing or half-written.
const staging = mkdtempSync(join(root, '.dist-'))
// dist is CommonJS whatever the package's "type" says.
writeFileSync(join(staging, 'package.json'), '{ "type": "commonjs" }\n')
const queue = new Set()
await bundle(join(src, 'cli/main.ts'), join(staging, 'tasktrail.js'), queue)
// The build id, a hash of the content, heads the file: the V8 code cache made from it is
// named by it (src/cli/code-cache.ts), as V8 itself checks only the source's length.
const cli = readFileSync(join(staging, 'tasktrail.js'))
writeFileSync(join(staging, 'tasktrail.js'), Buffer.concat([Buffer.from(`// tasktrail build ${createHash('sha256').update(cli).digest('hex').slice(0, 16)}\n`), cli]))
// What every process loads first: it requires the CLI.
await bundle(join(src, 'cli/start.ts'), join(staging, 'start.js'), queue, ['./tasktrail.js'])
const done = new Set()
for (let pending = [...queue]; pending.length; pending = [...queue].filter((f) => !done.has(f))) {
  for (const file of pending) {
    done.add(file)
    await bundle(file, join(staging, lazyName(file)), queue)
  }
}
// The board's page (src/board/web/) is served as it is: plain files next to the code that reads them.
cpSync(join(src, 'board/web'), join(staging, 'web'), { recursive: true })
mkdirSync(dist, { recursive: true })
const built = new Set(readdirSync(staging))
for (const name of built) {
  // A directory cannot be renamed over a full one; the board that reads it starts after the build.
  if (name === 'web') rmSync(join(dist, name), { recursive: true, force: true })
  renameSync(join(staging, name), join(dist, name))
}
for (const name of readdirSync(dist)) if (!built.has(name)) rmSync(join(dist, name), { recursive: true })
rmSync(staging, { recursive: true })
if (done.size) console.log(`bundled ${[...done].map((f) => basename(lazyName(f))).join(', ')} as lazy files`)
