// What a person asks of the board, as the tasktrail command that does it: the board changes
// nothing itself, so TASKS.md changes, and a change is refused, exactly as with the CLI.
const MOVES = ['start', 'done', 'block', 'cancel', 'reopen'] as const

export type Steer =
  | { action: (typeof MOVES)[number]; id: string; reason?: string }
  | { action: 'rename'; id: string; title: string }
  | { action: 'add'; parent: string; title: string }
  | { action: 'bill'; id: string; minutes: number | string }

const textOf = (value: unknown, name: string): string => {
  if (typeof value !== 'string') throw new Error(`"${name}" must be text`)
  return value
}

/** The command's arguments: values given as --name=VALUE and `--` before the rest, so text may start with "-". */
export function commandArgs(steer: Steer): string[] {
  if (typeof steer !== 'object' || steer === null) throw new Error('send an object with an "action"')
  const { action } = steer
  if ((MOVES as readonly string[]).includes(action)) {
    const move = steer as Extract<Steer, { reason?: string }>
    return action === 'block' ? [`block`, `--reason=${textOf(move.reason ?? '', 'reason')}`, '--', textOf(move.id, 'id')] : [action, '--', textOf(move.id, 'id')]
  }
  switch (steer.action) {
    case 'rename':
      return ['rename', '--', textOf(steer.id, 'id'), textOf(steer.title, 'title')]
    case 'add':
      return ['add', `--parent=${textOf(steer.parent, 'parent')}`, '--', textOf(steer.title, 'title')]
    case 'bill':
      return ['bill', `--minutes=${String(steer.minutes)}`, '--', textOf(steer.id, 'id')]
    default:
      throw new Error(`"${String(action)}" is not something the board does; it does ${[...MOVES, 'rename', 'add', 'bill'].join(', ')}`)
  }
}
