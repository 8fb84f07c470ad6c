// Reading a rendered TASKS.md back in tests: each task line's box, depth and title, by id.
export interface ChecklistLine {
  box: string
  depth: number
  title: string
}

const LINE = /^( *)- \[(.)\] (.*?)(?: \[[a-z]+:: [^\]]*\])* <!-- (t-[0-9a-z]+) -->$/

export function checklistLines(markdown: string): Map<string, ChecklistLine> {
  const lines = new Map<string, ChecklistLine>()
  for (const line of markdown.split('\n')) {
    const match = LINE.exec(line)
    if (match) lines.set(match[4]!, { depth: match[1]!.length / 2, box: match[2]!, title: match[3]! })
  }
  return lines
}
