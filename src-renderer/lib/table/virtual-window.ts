/**
 * Virtual scrolling math for a fixed-row-height table. The scroller holds a spacer of
 * total × rowHeight pixels and only the rows in view (plus overscan) exist in the DOM.
 *
 * Browsers cap element heights (Chromium ≈ 33.5 M px), so past MAX_SPACER_HEIGHT the spacer is
 * capped and the scroll position is mapped linearly onto the real row range: the first and the
 * last row are still reachable, each scroll pixel just moves more than one pixel of rows.
 */
export const MAX_SPACER_HEIGHT = 15_000_000

export type WindowInput = {
  total: number
  rowHeight: number
  /** The scroller's scrollTop. */
  scrollTop: number
  /** Height available to rows (scroller height minus the sticky header). */
  viewportHeight: number
  overscan: number
  maxSpacerHeight?: number
}

export type VirtualWindow = {
  /** First row index to render. */
  start: number
  /** One past the last row index to render. */
  end: number
  /** Height of the spacer element. */
  spacerHeight: number
  /** Offset subtracted from i × rowHeight to get a row's top inside the spacer. */
  shift: number
}

export function spacerHeightFor(total: number, rowHeight: number, max = MAX_SPACER_HEIGHT): number {
  return Math.min(Math.max(0, total) * rowHeight, max)
}

/** Real (unscaled) pixel offset of the viewport's top edge within the full row list. */
export function realScrollTop(input: WindowInput): number {
  const { total, rowHeight, scrollTop, viewportHeight } = input
  const real = Math.max(0, total) * rowHeight
  const spacer = spacerHeightFor(total, rowHeight, input.maxSpacerHeight)
  const top = Math.max(0, scrollTop)
  if (spacer >= real) return Math.min(top, Math.max(0, real - viewportHeight))
  const maxVirtual = spacer - viewportHeight
  const maxReal = real - viewportHeight
  if (maxVirtual <= 0) return 0
  return (Math.min(top, maxVirtual) / maxVirtual) * maxReal
}

export function computeWindow(input: WindowInput): VirtualWindow {
  const { total, rowHeight, viewportHeight, overscan } = input
  const spacerHeight = spacerHeightFor(total, rowHeight, input.maxSpacerHeight)
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0, spacerHeight: 0, shift: 0 }
  const realTop = realScrollTop(input)
  const first = Math.floor(realTop / rowHeight)
  const last = Math.ceil((realTop + Math.max(0, viewportHeight)) / rowHeight)
  const start = Math.max(0, first - overscan)
  const end = Math.min(total, Math.max(last, first + 1) + overscan)
  // Rows are placed at i × rowHeight − shift so the row at realTop sits at the scroll position.
  const shift = realTop - Math.max(0, Math.min(input.scrollTop, spacerHeight))
  return { start, end, spacerHeight, shift: Math.max(0, shift) }
}

/** Top of row `index` inside the spacer. */
export function rowTop(index: number, rowHeight: number, win: VirtualWindow): number {
  return index * rowHeight - win.shift
}

/**
 * scrollTop that brings row `index` fully into view, or null when it already is.
 * Works on unscaled tables (the common case up to ≈ 500 k rows at 28 px).
 */
export function scrollTopToReveal(
  index: number,
  rowHeight: number,
  scrollTop: number,
  viewportHeight: number,
  total: number,
  maxSpacerHeight = MAX_SPACER_HEIGHT
): number | null {
  const real = total * rowHeight
  const spacer = spacerHeightFor(total, rowHeight, maxSpacerHeight)
  const top = index * rowHeight
  if (spacer >= real) {
    if (top < scrollTop) return top
    if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight
    return null
  }
  const maxVirtual = spacer - viewportHeight
  const maxReal = real - viewportHeight
  if (maxVirtual <= 0 || maxReal <= 0) return 0
  const currentReal = (scrollTop / maxVirtual) * maxReal
  let targetReal: number | null = null
  if (top < currentReal) targetReal = top
  else if (top + rowHeight > currentReal + viewportHeight)
    targetReal = top + rowHeight - viewportHeight
  if (targetReal === null) return null
  return (Math.max(0, Math.min(targetReal, maxReal)) / maxReal) * maxVirtual
}

/** Page numbers (of `pageSize` rows) covering rows [start, end). */
export function pagesForRange(start: number, end: number, pageSize: number): number[] {
  if (end <= start || pageSize <= 0) return []
  const first = Math.floor(Math.max(0, start) / pageSize)
  const last = Math.floor((end - 1) / pageSize)
  const pages: number[] = []
  for (let p = first; p <= last; p++) pages.push(p)
  return pages
}

/**
 * Which cached pages to evict: keeps at most `capacity` pages, preferring the ones nearest to
 * the pages currently in view.
 */
export function pagesToEvict(
  cached: Iterable<number>,
  inView: readonly number[],
  capacity: number
): number[] {
  const list = [...cached]
  if (list.length <= capacity) return []
  const centre = inView.length > 0 ? ((inView[0] ?? 0) + (inView[inView.length - 1] ?? 0)) / 2 : 0
  const keep = new Set(inView)
  const rest = list
    .filter((p) => !keep.has(p))
    .sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre))
  return rest.slice(0, list.length - capacity)
}
