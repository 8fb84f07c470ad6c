// Where the resident process of this build listens: a Unix socket in a private directory of
// the user's tasktrail home, named after the build (size and time of dist/tasktrail.js), so a
// client only ever talks to a process running its own code, and an upgrade starts afresh.
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { tasktrailHome } from '../store/paths.js'

/** What a resident process runs: the hooks, the one-task changes, and its own `serve`. */
export const RESIDENT_COMMANDS: ReadonlySet<string> = new Set(['hook', 'add', 'start', 'done', 'block', 'cancel', 'reopen', 'serve'])

/** sun_path holds 104 bytes on macOS (108 on Linux), the terminating NUL included. */
const MAX_SOCKET_PATH = 103

export interface ResidentAddress {
  /** Made private to the user: whoever can connect runs tasktrail as them. */
  dir: string
  socket: string
}

/** Why there is no resident process here, or its address. */
export function residentAddress(env: NodeJS.ProcessEnv, distDir: string): ResidentAddress | string {
  if (env.TASKTRAIL_RESIDENT === '0') return 'TASKTRAIL_RESIDENT=0 turns it off'
  if (process.platform === 'win32') return 'it needs Unix sockets, which Windows lacks'
  const bundle = statSync(join(distDir, 'tasktrail.js'), { throwIfNoEntry: false })
  if (!bundle) return `${join(distDir, 'tasktrail.js')} is missing`
  const build = `${bundle.size.toString(36)}-${Math.trunc(bundle.mtimeMs).toString(36)}`
  const dir = join(tasktrailHome(env), 'resident')
  const socket = join(dir, `${build}.sock`)
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) return `its socket path ${socket} is longer than the ${MAX_SOCKET_PATH} bytes a socket allows`
  return { dir, socket }
}
