import { getContext, setContext } from 'svelte'

/**
 * Longest wait for the first screen to say its content is shown: every screen says so, on
 * success and on failure, so this only guards against a way of not saying it nobody foresaw.
 */
export const FIRST_CONTENT_CAP_MS = 5000

/**
 * The first screen's main content on screen: the table's first page, the first chart drawn.
 * Requests nobody waits for at start (the status line, the catalogue banner, the runs list, the
 * facet counts) are sent after it. The web mode's server answers one request at a time and the
 * browser opens six connections to it: sent alongside the content's own data, they held back a
 * first chart of 10,000 points by about 100 ms.
 */
export class FirstContent {
  readonly shown: Promise<void>
  #open: () => void = () => {}
  #opening = false

  constructor(capMs = FIRST_CONTENT_CAP_MS) {
    this.shown = new Promise((resolve) => (this.#open = resolve))
    const cap = setTimeout(() => this.open(), capMs)
    void this.shown.then(() => clearTimeout(cap))
  }

  /**
   * The first content is in the document (later calls do nothing): what waits for it starts
   * after the frame that paints it, so that it does not compete with that paint either.
   */
  open(): void {
    // Every chart draw and every first page says so; only the first is scheduled.
    if (this.#opening) return
    this.#opening = true
    afterNextPaint(this.#open)
  }

  /** Runs `work` once the first content is shown: at once (as a microtask) if it is already. */
  after(work: () => void): void {
    void this.shown.then(work)
  }
}

function afterNextPaint(run: () => void): void {
  if (typeof requestAnimationFrame !== 'function') return void setTimeout(run, 0)
  requestAnimationFrame(() => setTimeout(run, 0))
}

const KEY = Symbol('mlperf.first-content')

/** Shares the app's gate with every screen under the calling component (App). */
export function setFirstContent(gate: FirstContent): void {
  setContext(KEY, gate)
}

/** The app's gate; a screen mounted on its own (a component test) gets one already open. */
export function getFirstContent(): FirstContent {
  const gate = getContext<FirstContent | undefined>(KEY)
  if (gate) return gate
  return new FirstContent(0)
}
