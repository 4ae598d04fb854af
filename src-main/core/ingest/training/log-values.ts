/**
 * Reading a log record's value the way the training logs write it: text that may be blank,
 * numbers that may be written as strings ("0.759"), and dict values ({"value": …, "epoch": …} in
 * v0.5, {"BBOX": …, "SEGM": …} for Mask R-CNN).
 */
import type { LogObject, LogValue } from './log-line'

/** Trimmed text of a string, number or boolean value; null when blank or not a scalar. */
export function text(v: LogValue | undefined): string | null {
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim()
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return null
}

/** A finite number, or a string holding exactly one decimal number; null otherwise. */
export function num(v: LogValue | undefined): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  if (typeof v === 'string' && /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(v)) {
    return Number(v)
  }
  return null
}

export function isObject(v: LogValue | undefined): v is LogObject {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v)
}
