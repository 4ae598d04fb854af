const pad = (n: number): string => String(n).padStart(2, '0')

/** "2026-11-23 07:29:05" in local time; the input text when it is not a date. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return ''
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return (
    `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ` +
    `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  )
}

/** "4.2 s", "1 min 03 s" between two ISO times; '' when unknown. */
export function formatDuration(startIso: string, endIso: string | null): string {
  if (!endIso) return ''
  const ms = new Date(endIso).getTime() - new Date(startIso).getTime()
  if (!Number.isFinite(ms) || ms < 0) return ''
  if (ms < 100) return '< 0.1 s'
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const s = Math.round(ms / 1000)
  return `${Math.floor(s / 60)} min ${pad(s % 60)} s`
}
