/**
 * Canonical accelerator ids, so results of the same accelerator pair up across rounds even when
 * submitters spell it differently ("NVIDIA H100-SXM-80GB", "H100 SXM5 80GB", "Nvidia Tesla T4",
 * "NVIDIA T4"). Three layers, first match wins:
 *  1. the user's overrides (stored in the database, editable in the app);
 *  2. the built-in alias table for names the generic rule gets wrong;
 *  3. the generic rule: lower case, no vendor or brand words, no memory size, power limit or
 *     "(xN)" count, SXM generations merged, separators unified.
 * The generic rule drops memory sizes because submitters include or omit them for the same
 * part; a user who wants the 40 GB and 80 GB A100 apart adds an override.
 */
import type { AcceleratorAlias } from '../shared/charts/chart-data'

/** Names that mean "no accelerator" (CPU-only systems). */
const NONE = new Set(['', '-', 'n/a', 'na', 'none', 'null', 'cpu', '0'])

/** Built-in aliases, keyed by the generic rule's output. */
export const DEFAULT_ALIASES: Readonly<Record<string, string>> = {
  'agx-xavier': 'jetson-agx-xavier',
  xavier: 'jetson-agx-xavier',
  'xavier-nx': 'jetson-xavier-nx',
  'agx-orin': 'jetson-agx-orin',
  'rtx-4090-ada-lovelace': 'rtx-4090',
  'cloud-ai-100-pcie-hhhl': 'cloud-ai-100-pcie-hhhl-standard'
}

const VENDOR_WORDS = [
  'nvidia',
  'amd',
  'intel',
  'qualcomm',
  'google',
  'xilinx',
  'arm',
  'tesla',
  'geforce',
  'untetherai',
  'moffett',
  'habana',
  'graphcore',
  'furiosa',
  'rebellions'
]

/** The generic rule alone (exported for tests and the alias editor's preview). */
export function genericAcceleratorId(raw: string): string | null {
  let s = raw.toLowerCase().trim()
  if (NONE.has(s)) return null
  s = s
    .replace(/\(x\s*\d+\)/g, ' ') // "(x87)": a count, not a model
    .replace(/\b\d+(\.\d+)?\s*(gb|g|gib)\b/g, ' ') // memory sizes: 80GB, 80 GB, 64G
    .replace(/\bhbm\d*e?\b/g, ' ')
    .replace(/\b\d+\s*w\b/g, ' ') // power limits: 750W
    .replace(/\bsxm\d\b/g, 'sxm')
    .replace(/\bgpu\b(?=.)/g, ' ')
    .replace(/[_/,:;()]+/g, ' ')
  const words = s
    .split(/[\s-]+/)
    .filter((w) => w !== '' && !VENDOR_WORDS.includes(w) && w !== 'gpu')
  const id = words.join('-')
  return id === '' ? null : id
}

/**
 * The canonical id of an accelerator name; null for CPU-only systems. Overrides match the raw
 * name case-insensitively (and may map to another canonical id or split one).
 */
export function canonicalAccelerator(
  raw: string | null,
  overrides: readonly AcceleratorAlias[] = []
): string | null {
  if (raw === null) return null
  const key = raw.trim().toLowerCase()
  const override = overrides.find((o) => o.raw.trim().toLowerCase() === key)
  if (override) return override.canonical.trim() === '' ? null : override.canonical.trim()
  const generic = genericAcceleratorId(raw)
  if (generic === null) return null
  return DEFAULT_ALIASES[generic] ?? generic
}

/** A memoised mapper for one chart build (thousands of rows share a few dozen names). */
export function acceleratorMapper(
  overrides: readonly AcceleratorAlias[]
): (raw: string | null) => string | null {
  const cache = new Map<string, string | null>()
  return (raw) => {
    if (raw === null) return null
    let v = cache.get(raw)
    if (v === undefined && !cache.has(raw)) {
      v = canonicalAccelerator(raw, overrides)
      cache.set(raw, v)
    }
    return v ?? null
  }
}
