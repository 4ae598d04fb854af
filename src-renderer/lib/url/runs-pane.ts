/** The Runs screen's route parameters: which run is open, or which runs are overlaid. */

/** What the main pane of the Runs screen shows. */
export type RunsPane =
  { kind: 'new' } | { kind: 'detail'; id: number } | { kind: 'overlay'; ids: number[] }

/** Parses the screen's route parameters (`_id=12`, `_overlay=12,15`). */
export function paneFromParams(params: Record<string, string>): RunsPane {
  const id = Number(params['id'])
  if (Number.isSafeInteger(id) && id > 0) return { kind: 'detail', id }
  const ids = [
    ...new Set(
      (params['overlay'] ?? '')
        .split(',')
        .map(Number)
        .filter((n) => Number.isSafeInteger(n) && n > 0)
    )
  ]
  if (ids.length >= 2) return { kind: 'overlay', ids }
  return { kind: 'new' }
}

export function paramsFromPane(pane: RunsPane): Record<string, string> {
  if (pane.kind === 'detail') return { id: String(pane.id) }
  if (pane.kind === 'overlay') return { overlay: pane.ids.join(',') }
  return {}
}
