import type { ChartData } from '../../../src-main/shared/charts/chart-data'
import { acceleratorText, systemLabel } from '../../../src-main/charts/row-text'
import { decodePoints } from '../../../src-main/shared/charts/chart-points'
import type { SystemKey } from '../../../src-main/shared/charts/chart-view'
import { systemKeyText } from '../../../src-main/shared/charts/chart-view'
import { acceleratorMapper } from '../../../src-main/charts/accelerator-alias'
import { compareRounds } from '../../../src-main/mlperf'

/**
 * A system the user can pick as the reference: `system` names it as the charts do, `detail`
 * tells it apart from others of the same name ("NVIDIA L4 × 2 · v4.1 · ID 4.1-0042", plus the
 * system id where even that repeats); `label` is both in one line.
 */
export type SystemChoice = {
  key: SystemKey
  text: string
  system: string
  detail: string
  label: string
  results: number
  /** Lower-case words the search matches (name, submitter, id, accelerator, round, result ID). */
  haystack: string
}
export type CountChoice = { count: number; results: number }
export type AcceleratorChoice = { raw: string; canonical: string | null; results: number }

export type ChartChoices = {
  systems: SystemChoice[]
  counts: CountChoice[]
  accelerators: AcceleratorChoice[]
}

/**
 * What the chart controls can offer for the data at hand: reference systems (newest round
 * first, then by name), accelerator counts of closed results, and the raw accelerator names
 * with their canonical ids (for the alias editor).
 */
export function chartChoices(data: ChartData | null): ChartChoices {
  if (!data) return { systems: [], counts: [], accelerators: [] }
  const rows = decodePoints(data.points)
  const systems = new Map<string, SystemChoice>()
  const counts = new Map<number, number>()
  const accs = new Map<string, number>()
  const ids = new Map<string, string>()
  for (const r of rows) {
    const key = { round: r.round, submitter: r.submitter, systemId: r.systemId }
    const text = systemKeyText(key)
    if (r.publicId && !ids.has(text)) ids.set(text, r.publicId)
    const s = systems.get(text)
    if (s) s.results++
    else {
      const system = `${systemLabel(r)}${r.sourceKind === 'local' ? ' (unverified)' : ''}`
      systems.set(text, {
        key,
        text,
        system,
        detail: `${acceleratorText(r)} · ${r.round}`,
        label: '',
        results: 1,
        haystack: [system, r.submitter, r.systemId, r.accelerator ?? 'cpu only', r.round]
          .join(' ')
          .toLowerCase()
      })
    }
    if (r.division === 'closed' && r.acceleratorsTotal !== null && r.acceleratorsTotal > 0) {
      counts.set(r.acceleratorsTotal, (counts.get(r.acceleratorsTotal) ?? 0) + 1)
    }
    if (r.accelerator) accs.set(r.accelerator, (accs.get(r.accelerator) ?? 0) + 1)
  }
  // Result IDs, then the system id where name and detail still repeat: no two labels alike.
  for (const s of systems.values()) {
    const id = ids.get(s.text)
    if (id) {
      s.detail += ` · ID ${id}`
      s.haystack += ` ${id.toLowerCase()}`
    }
  }
  const seen = new Map<string, number>()
  for (const s of systems.values()) {
    seen.set(`${s.system}|${s.detail}`, (seen.get(`${s.system}|${s.detail}`) ?? 0) + 1)
  }
  for (const s of systems.values()) {
    if ((seen.get(`${s.system}|${s.detail}`) ?? 0) > 1) s.detail += ` · ${s.key.systemId}`
    s.label = `${s.system} — ${s.detail}`
  }
  const canon = acceleratorMapper(data.aliases)
  return {
    systems: [...systems.values()].sort(
      (a, b) => compareRounds(b.key.round, a.key.round) || a.label.localeCompare(b.label)
    ),
    counts: [...counts]
      .map(([count, results]) => ({ count, results }))
      .sort((a, b) => a.count - b.count),
    accelerators: [...accs]
      .map(([raw, results]) => ({ raw, canonical: canon(raw), results }))
      .sort(
        (a, b) => (a.canonical ?? '').localeCompare(b.canonical ?? '') || a.raw.localeCompare(b.raw)
      )
  }
}

/** The choices whose haystack holds every word of `query` (any order, any case). */
export function searchSystems(choices: readonly SystemChoice[], query: string): SystemChoice[] {
  const words = query
    .toLowerCase()
    .split(/\s+/)
    .filter((w) => w !== '')
  if (words.length === 0) return [...choices]
  return choices.filter((c) => words.every((w) => c.haystack.includes(w)))
}
