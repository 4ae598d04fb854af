/** Now as an ISO timestamp: the export date the citation footnote prints. */
export function nowIso(): string {
  return new Date().toISOString()
}
