/**
 * Widths of the Explorer's panes. The detail panel sits beside the table (the table narrows,
 * it is not covered) at a width the user drags; the bounds keep at least MIN_TABLE pixels for
 * the table, the width its frozen columns need once their text columns have shrunk
 * (ResultsTable), so Submitter … Result stay in view with the panel open.
 */
export const PANEL = {
  sidebar: 232,
  /** Panel width before the user chose one. */
  initial: 440,
  min: 300,
  /** Table width that still shows every frozen column (shrunk) and a little more. */
  minTable: 660
} as const

export type PanelBounds = {
  min: number
  /** Widest panel beside the sidebar. */
  max: number
  /** Widest panel when the sidebar is out of the way. */
  maxNoSidebar: number
  /** The sidebar steps aside: beside it, the panel could not reach its minimum width. */
  hideSidebar: boolean
}

/** Bounds of the panel in an Explorer `width` pixels wide (0 = not measured yet). */
export function panelBounds(width: number, panelOpen: boolean): PanelBounds {
  const maxNoSidebar = Math.max(PANEL.min, width - PANEL.minTable)
  const max = Math.max(PANEL.min, width - PANEL.sidebar - PANEL.minTable)
  const hideSidebar = panelOpen && width > 0 && width - PANEL.sidebar - PANEL.minTable < PANEL.min
  return { min: PANEL.min, max, maxNoSidebar, hideSidebar }
}

const KEY = 'mlperf-explorer.detail-width'

/** The width the user last dragged the panel to (kept in this browser profile). */
export function storedPanelWidth(): number {
  try {
    const v = Number(localStorage.getItem(KEY))
    return Number.isFinite(v) && v >= PANEL.min ? v : PANEL.initial
  } catch {
    return PANEL.initial
  }
}

export function storePanelWidth(width: number): void {
  try {
    localStorage.setItem(KEY, String(Math.round(width)))
  } catch {
    // Storage may be unavailable (private window); the width then lasts for this session.
  }
}
