// Running `tasktrail board` as a person does, in a sandbox.
import { spawn, type ChildProcess } from 'node:child_process'
import { CLI, type Sandbox } from '../helpers/cli.js'

export const CHROMIUM = '/usr/bin/chromium'

/** Starts `tasktrail board` and resolves with its URL (its first line on stdout). */
export function startBoard(box: Sandbox, args: string[] = []): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [CLI, 'board', ...args], { cwd: box.project, env: box.env, stdio: ['ignore', 'pipe', 'pipe'] })
  return new Promise((resolve, reject) => {
    let out = ''
    let err = ''
    child.stderr!.on('data', (chunk) => (err += chunk))
    child.stdout!.on('data', (chunk) => {
      out += chunk
      if (out.includes('\n')) resolve({ child, url: out.split('\n')[0]! })
    })
    child.once('exit', (code) => reject(new Error(`tasktrail board ended (${code}): ${err}`)))
  })
}

/** Ends the board as Ctrl-C would, and gives its exit code. */
export function stopBoard(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode)
    child.once('exit', (code) => resolve(code))
    child.kill('SIGINT')
  })
}
