/** Training logs for tests, line by line in the MLLOG syntax (v0.7 and later). */

/** One `:::MLLOG` POINT_IN_TIME line; `metadata` adds to the file and line every logger writes. */
export function mllogLine(
  timeMs: number,
  key: string,
  value: unknown,
  metadata: Record<string, unknown> = {}
): string {
  return `:::MLLOG ${JSON.stringify({ namespace: '', time_ms: timeMs, event_type: 'POINT_IN_TIME', key, value, metadata: { file: 'x.py', lineno: 1, ...metadata } })}`
}
