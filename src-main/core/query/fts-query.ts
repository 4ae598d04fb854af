/**
 * Turns what the user typed into a safe FTS5 query: every term is quoted (so operators and
 * punctuation in system names cannot break the syntax) and prefix-matched, all terms required.
 */
export function toFtsQuery(search: string): string | null {
  const terms = search
    .split(/\s+/)
    .map((t) => t.replace(/"/g, '').trim())
    .filter((t) => t.length > 0)
  if (terms.length === 0) return null
  return terms.map((t) => `"${t}"*`).join(' AND ')
}
