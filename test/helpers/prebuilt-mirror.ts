// A stand-in for the host of better-sqlite3's prebuilt binaries (GitHub releases, which this
// machine cannot reach). It serves this checkout's own addon, packed as prebuild-install packs
// one, at the path prebuild-install asks for under its documented mirror setting
// (npm_config_better_sqlite3_binary_host). So a test takes the route of a user with internet
// access — better-sqlite3's install script downloads a prebuilt binary — in seconds, where a
// build from source takes minutes (test/plugin/install.test.ts takes that route).
// The server is a child process: the tests wait for npm with spawnSync, which would stall a
// server in their own.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const REPO_ROOT = join(import.meta.dirname, '..', '..')
const BETTER_SQLITE3 = join(REPO_ROOT, 'node_modules', 'better-sqlite3')

const SERVER = `
const { appendFileSync, readFileSync } = require('node:fs')
const [tarball, path, log] = process.argv.slice(1)
const body = readFileSync(tarball)
const server = require('node:http').createServer((request, response) => {
  appendFileSync(log, request.url + '\\n')
  if (request.url === path) response.writeHead(200, { 'content-type': 'application/gzip' }).end(body)
  else response.writeHead(404).end()
})
server.listen(0, '127.0.0.1', () => console.log(server.address().port))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
`

export interface PrebuiltMirror {
  /** The environment that points prebuild-install at the mirror. */
  env: Record<string, string>
  /** The paths asked for so far. */
  requests(): string[]
  close(): Promise<void>
}

export async function startPrebuiltMirror(dir: string): Promise<PrebuiltMirror> {
  const version = (JSON.parse(readFileSync(join(BETTER_SQLITE3, 'package.json'), 'utf8')) as { version: string }).version
  const name = `better-sqlite3-v${version}-node-v${process.versions.modules}-${process.platform}-${process.arch}.tar.gz`
  const tarball = join(dir, name)
  const tar = spawnSync('tar', ['-czf', tarball, '-C', BETTER_SQLITE3, 'build/Release/better_sqlite3.node'], { encoding: 'utf8' })
  if (tar.status !== 0) throw new Error(`tar failed: ${tar.stderr}`)
  const log = join(dir, 'mirror-requests.log')
  const child = spawn(process.execPath, ['-e', SERVER, tarball, `/v${version}/${name}`, log], { stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<string>((resolve, reject) => {
    child.stdout.setEncoding('utf8').once('data', (line: string) => resolve(line.trim()))
    child.once('exit', (code) => reject(new Error(`the mirror ended with ${code}`)))
  })
  return {
    env: { npm_config_better_sqlite3_binary_host: `http://127.0.0.1:${port}` },
    requests: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean) : []),
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}
