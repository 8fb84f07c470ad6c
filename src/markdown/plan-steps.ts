// The steps of a plan Claude presents in plan mode (ExitPlanMode's markdown), read with remark:
// `###` step headings when the plan has at least two (the lists under them are their details),
// else its longest top-level numbered list, else its first top-level bulleted or task list.
// Prose, code, tables and nested lists are no steps. A ticked task-list box is a done step.
// Re-exported by parse.ts, so that remark is loaded with the parser's lazy chunk only when needed.
import type { Heading, List, ListItem, Nodes, Root, RootContent } from 'mdast'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

export interface PlanStep {
  text: string
  done: boolean
}

const parser = unified().use(remarkParse).use(remarkGfm)

/** The plain text of a node: its text, inline code and the text of its children. */
function toString(node: Nodes): string {
  if ('value' in node && (node.type === 'text' || node.type === 'inlineCode')) return node.value
  return 'children' in node ? (node.children as Nodes[]).map(toString).join('') : ''
}

function itemText(item: ListItem): string {
  const first = item.children.find((child) => child.type === 'paragraph' || child.type === 'heading')
  return first ? toString(first).trim().replace(/\s+/g, ' ') : ''
}

function listSteps(list: List): PlanStep[] {
  return list.children.map((item) => ({ text: itemText(item), done: item.checked === true })).filter((s) => s.text !== '')
}

export function planSteps(markdown: string): PlanStep[] {
  const top: RootContent[] = (parser.parse(markdown) as Root).children
  const headings = top.filter((node): node is Heading => node.type === 'heading' && node.depth === 3)
  if (headings.length >= 2) return headings.map((h) => ({ text: toString(h).trim().replace(/\s+/g, ' '), done: false })).filter((s) => s.text !== '')
  const lists = top.filter((node): node is List => node.type === 'list')
  const numbered = lists.filter((list) => list.ordered === true).sort((a, b) => b.children.length - a.children.length)[0]
  const chosen = numbered ?? lists[0]
  return chosen ? listSteps(chosen) : []
}
