/**
 * A file path split for display truncated in the middle: the head may lose characters to an
 * ellipsis, the tail (the last segment: file or folder name) stays whole, and the text always
 * reads left to right (/a/b/…/results/summary_results.json).
 */
export function splitPath(path: string): { head: string; tail: string } {
  const trimmed = path.replace(/[/\\]+$/, '')
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'))
  if (cut <= 0) return { head: '', tail: path }
  return { head: trimmed.slice(0, cut), tail: path.slice(cut) }
}

/** Which of the given roots a path lies under (the longest match), or null. */
export function ownerOf(path: string, roots: readonly string[]): string | null {
  let best: string | null = null
  for (const root of roots) {
    const r = root.replace(/[/\\]+$/, '')
    const inside = path === r || path.startsWith(`${r}/`) || path.startsWith(`${r}\\`)
    if (inside && (best === null || r.length > best.length)) best = root
  }
  return best
}
