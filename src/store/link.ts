// Which mode a repository is in: linked to a client (MSP), to a project (Development), or
// to neither (Normal). The link lives in the user's store, keyed by the repository's git
// common dir, so every worktree shares it and nothing is written into the repository.
import type { Repo, Store } from './store.js'

export type RepoLink = { client: string; project: null } | { client: null; project: string } | { client: null; project: null }

export type Mode = 'msp' | 'development' | 'normal'

export function modeOf(link: Pick<Repo, 'client' | 'project'>): Mode {
  return link.client ? 'msp' : link.project ? 'development' : 'normal'
}

/** A client or project name, trimmed; throws unless it is one non-empty line. */
export function checkName(kind: 'client' | 'project', name: string): string {
  const trimmed = name.trim()
  if (!trimmed || /[\r\n]/.test(trimmed)) throw new Error(`the ${kind} name must be one non-empty line`)
  return trimmed
}

/** Links a repository (new tasks in it carry the client or project); `init` calls this too. */
export function linkRepo(store: Store, repo: Repo, link: RepoLink): Repo {
  const named: RepoLink = link.client !== null
    ? { client: checkName('client', link.client), project: null }
    : link.project !== null ? { client: null, project: checkName('project', link.project) } : link
  store.setRepoLink(repo.id, named)
  return store.repoByKey(repo.key)!
}
