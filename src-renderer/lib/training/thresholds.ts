/**
 * Threshold lists as the user types them and as the URL carries them. Pure functions, unit
 * tested; the TTMT screen keeps its thresholds as numbers and shows them with formatThreshold.
 */

/** At most this many thresholds (the API's limit). */
export const MAX_THRESHOLDS = 200

export type ParsedThresholds = { ok: true; values: number[] } | { ok: false; error: string }

/** A threshold for display and for the URL: at most 4 significant digits, no float noise. */
export function formatThreshold(value: number): string {
  return String(Number(value.toPrecision(4)))
}

export function formatThresholdList(values: readonly number[]): string {
  return values.map(formatThreshold).join(', ')
}

/**
 * "0.70, 0.71 0.72;0.73" → [0.7, 0.71, 0.72, 0.73]. Commas, semicolons and spaces separate;
 * duplicates are dropped; the order is kept (the backend sorts by difficulty).
 */
export function parseThresholdList(text: string): ParsedThresholds {
  const parts = text
    .split(/[\s,;]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '' && p !== '…' && p !== '...')
  if (parts.length === 0) return { ok: false, error: 'Enter at least one threshold.' }
  const values: number[] = []
  for (const part of parts) {
    const n = Number(part)
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(part) || !Number.isFinite(n)) {
      return { ok: false, error: `"${part}" is not a number.` }
    }
    if (!values.includes(n)) values.push(n)
  }
  if (values.length > MAX_THRESHOLDS) {
    return { ok: false, error: `At most ${MAX_THRESHOLDS} thresholds.` }
  }
  return { ok: true, values }
}

/**
 * start, start + step, … up to stop inclusive (a step going the wrong way is turned around).
 * Values are rounded to the step's decimals so 0.7 + 3 × 0.01 is 0.73, not 0.7300000000000001.
 */
export function thresholdRange(start: number, stop: number, step: number): ParsedThresholds {
  if (![start, stop, step].every(Number.isFinite)) {
    return { ok: false, error: 'Start, stop and step must be numbers.' }
  }
  if (step === 0) return { ok: false, error: 'The step cannot be 0.' }
  const s = stop >= start ? Math.abs(step) : -Math.abs(step)
  const count = Math.floor((stop - start) / s + 1e-9) + 1
  if (count > MAX_THRESHOLDS) {
    return { ok: false, error: `That makes ${count} thresholds; at most ${MAX_THRESHOLDS}.` }
  }
  const decimals = Math.min(10, Math.max(decimalsOf(start), decimalsOf(step)))
  const values: number[] = []
  for (let i = 0; i < count; i++) values.push(Number((start + i * s).toFixed(decimals)))
  return { ok: true, values }
}

function decimalsOf(n: number): number {
  const text = String(Math.abs(n))
  const e = /e-(\d+)$/.exec(text)
  if (e) return Number(e[1])
  const dot = text.indexOf('.')
  return dot === -1 ? 0 : text.length - dot - 1
}

/** Ids from the URL ("12,15") → positive integers, duplicates dropped. */
export function parseIds(text: string | undefined): number[] {
  if (!text) return []
  const out: number[] = []
  for (const part of text.split(',')) {
    const n = Number(part.trim())
    if (Number.isSafeInteger(n) && n > 0 && !out.includes(n)) out.push(n)
  }
  return out
}
