// Bundles the CLI (which is also the hook entry point) into dist/ with esbuild.
// One bundle loads far faster than hundreds of ESM modules; code splitting keeps
// remark and chokidar in chunks that load only when a command needs them.
// better-sqlite3 stays external: it loads a native addon.
import { build } from 'esbuild'

await build({
  entryPoints: { tasktrail: 'src/cli/main.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['better-sqlite3'],
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning'
})
