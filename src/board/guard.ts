// Who may talk to the board: only this machine's browser, on the board's own address, with
// the token printed in its URL. A page on another site can make a browser send requests to
// 127.0.0.1, so besides the token every request must name the board as its Host (DNS
// rebinding: evil.example resolving to 127.0.0.1 sends Host: evil.example), and a request
// that says where it comes from (Origin, Sec-Fetch-Site) must come from the board itself.
// No response carries CORS headers, so another origin can never read one.
import { timingSafeEqual } from 'node:crypto'

export interface Refusal {
  status: 403 | 421
  message: string
}

export interface RequestFacts {
  host: string | undefined
  origin: string | undefined
  fetchSite: string | undefined
  /** The token the request carries (query string or header), if any. */
  token: string | null
}

const sameToken = (given: string, token: string) => {
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Why a request must not be served, or null when it may. */
export function refusal(facts: RequestFacts, port: number, token: string): Refusal | null {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  if (!facts.host || !hosts.includes(facts.host.toLowerCase())) {
    return { status: 421, message: `this board answers only at http://127.0.0.1:${port}/, not at the host "${facts.host ?? ''}"` }
  }
  if (facts.origin !== undefined && !hosts.some((host) => facts.origin === `http://${host}`)) {
    return { status: 403, message: `requests from another site (${facts.origin}) may not read or change tasks` }
  }
  if (facts.fetchSite !== undefined && facts.fetchSite !== 'same-origin' && facts.fetchSite !== 'none') {
    return { status: 403, message: 'requests from another site may not read or change tasks' }
  }
  if (facts.token === null || !sameToken(facts.token, token)) {
    return { status: 403, message: 'this board needs the token in the URL that tasktrail board printed; open that URL' }
  }
  return null
}
