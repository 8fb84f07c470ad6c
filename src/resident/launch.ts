// Starting the resident process from a hook that found none: detached, with no stdio, so the
// hook returns at once and the process outlives it.
import { spawn } from 'node:child_process'

/** Never throws: without a resident process the hooks still run, each in its own process. */
export function launchResident(cli: string, env: NodeJS.ProcessEnv): void {
  try {
    const child = spawn(process.execPath, [cli, 'serve'], { detached: true, stdio: 'ignore', env })
    // A failure to start is reported asynchronously; unheard, it would end the hook with an error.
    child.on('error', () => {})
    child.unref()
  } catch {
    // The next prompt tries again.
  }
}
