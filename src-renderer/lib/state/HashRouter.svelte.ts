import { formatHash, parseHash, type HashState, type Route } from '../url/hash-state'

/**
 * Keeps the location hash and the app in step. User actions write the hash with pushState or
 * replaceState (which fire no events); back/forward and edits of the address bar arrive as
 * popstate/hashchange and are parsed and handed to `onChange`.
 */
export class HashRouter {
  route = $state<Route>('inference')
  /** The hash of the last Explorer view, for the nav link back from other screens. */
  explorerHash = $state('#/inference')

  readonly #known: ReadonlySet<string> | ((route: Route) => ReadonlySet<string> | undefined)
  readonly #onChange: (state: HashState) => void
  #current = ''

  /** The last hash of each route, so a nav link returns to the view the user left. */
  lastHash = $state<Partial<Record<Route, string>>>({})

  constructor(
    known: ReadonlySet<string> | ((route: Route) => ReadonlySet<string> | undefined),
    onChange: (state: HashState) => void
  ) {
    this.#known = known
    this.#onChange = onChange
  }

  /** Reads the current hash and starts listening; returns the stop function. */
  start(): () => void {
    const handle = (): void => this.#read()
    window.addEventListener('popstate', handle)
    window.addEventListener('hashchange', handle)
    this.#read()
    return () => {
      window.removeEventListener('popstate', handle)
      window.removeEventListener('hashchange', handle)
    }
  }

  navigate(state: Parameters<typeof formatHash>[0], mode: 'push' | 'replace'): void {
    const hash = formatHash(state)
    this.route = state.route
    this.lastHash = { ...this.lastHash, [state.route]: hash }
    if (state.route === 'inference') this.explorerHash = hash
    if (hash === this.#current) return
    this.#current = hash
    const url = `${location.pathname}${location.search}${hash}`
    if (mode === 'push') history.pushState(null, '', url)
    else history.replaceState(null, '', url)
  }

  #read(): void {
    const hash = location.hash
    if (hash === this.#current && this.#current !== '') return
    const state = parseHash(hash, this.#known)
    const canonical = formatHash(state)
    this.#current = canonical
    this.route = state.route
    this.lastHash = { ...this.lastHash, [state.route]: canonical }
    if (state.route === 'inference') this.explorerHash = canonical
    if (hash !== canonical) {
      history.replaceState(null, '', `${location.pathname}${location.search}${canonical}`)
    }
    this.#onChange(state)
  }
}
