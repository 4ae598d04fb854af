/**
 * The saved state of a chart: which chart, which results (the same filters and search as the
 * table) and how they are normalised. It is what the URL holds on the Charts screen, what a
 * report bundle writes as view.json and what `mlperf-explorer chart --view` renders.
 */
import type { Filter, Suite } from '../api'

/** The charts of the Charts screen (MLPerf Inference paper figure numbers in the names' docs). */
export const CHART_KINDS = ['distribution', 'speedup', 'scale', 'efficiency', 'reference'] as const
export type ChartKind = (typeof CHART_KINDS)[number]

/** One system of one round: how a reference system is named in a view. */
export type SystemKey = { round: string; submitter: string; systemId: string }

/**
 * How the distribution chart puts results of different benchmarks on one axis:
 *  - best: relative to the best published result of the benchmark and scenario (1 = best);
 *  - reference: relative to the reference system's result (1 = the reference);
 *  - per-accelerator: throughput per accelerator, relative to the best per-accelerator result;
 *  - per-dollar: throughput per dollar of the user's prices, relative to the best;
 *  - raw: the official value in its own unit (a single benchmark and scenario reads best).
 */
export const NORMALISATION_MODES = [
  'best',
  'reference',
  'per-accelerator',
  'per-dollar',
  'raw'
] as const
export type NormalisationMode = (typeof NORMALISATION_MODES)[number]

/** What a user price means: a system's purchase price, or an accelerator's hourly rate. */
export const PRICE_BASES = ['system', 'accelerator-hour'] as const
export type PriceBasis = (typeof PRICE_BASES)[number]

export const SPEEDUP_MODES = ['best-at-count', 'same-accelerator'] as const
export type SpeedupMode = (typeof SPEEDUP_MODES)[number]

export const EFFICIENCY_METRICS = ['per-watt', 'per-accelerator'] as const
export type EfficiencyMetric = (typeof EFFICIENCY_METRICS)[number]

export const COLOR_BY = ['submitter', 'accelerator'] as const
export type ColorBy = (typeof COLOR_BY)[number]

export const DISTRIBUTION_SHAPES = ['box', 'violin'] as const
export type DistributionShape = (typeof DISTRIBUTION_SHAPES)[number]

/** Current version of the view file format; bumped only on incompatible changes. */
export const CHART_VIEW_VERSION = 1

export type ChartView = {
  version: typeof CHART_VIEW_VERSION
  kind: ChartKind
  suite: Suite
  filters: Filter[]
  search?: string
  normalisation: NormalisationMode
  /** The reference system (normalisation 'reference' and the reference-score chart). */
  reference: SystemKey | null
  priceBasis: PriceBasis
  colorBy: ColorBy
  shape: DistributionShape
  speedupMode: SpeedupMode
  /** Accelerator count of the "best at a fixed count" speedup (1, 8, 16, 64…). */
  accelerators: number
  efficiency: EfficiencyMetric
  /** Title override; the chart names itself when absent. */
  title?: string
}

/** A view with every option at its default: the distribution of the whole table, best = 1. */
export const DEFAULT_CHART_VIEW: ChartView = {
  version: CHART_VIEW_VERSION,
  kind: 'distribution',
  suite: 'inference',
  filters: [],
  normalisation: 'best',
  reference: null,
  priceBasis: 'system',
  colorBy: 'submitter',
  shape: 'box',
  speedupMode: 'best-at-count',
  accelerators: 8,
  efficiency: 'per-watt'
}

/** Fills what a partial view (a URL, an older file) leaves out with the defaults. */
export function chartView(partial: Partial<ChartView>): ChartView {
  const view: ChartView = { ...DEFAULT_CHART_VIEW, ...partial, version: CHART_VIEW_VERSION }
  if (partial.search === undefined || partial.search.trim() === '') delete view.search
  if (partial.title === undefined || partial.title.trim() === '') delete view.title
  return view
}

/** "v4.1/NVIDIA/dgx_h100": one string for a system in URLs, price keys and file names. */
export function systemKeyText(key: SystemKey): string {
  return `${key.round}/${key.submitter}/${key.systemId}`
}

/** The inverse of systemKeyText; null when the text has fewer than three parts. */
export function parseSystemKey(text: string): SystemKey | null {
  const [round, submitter, ...rest] = text.split('/')
  const systemId = rest.join('/')
  if (!round || !submitter || !systemId) return null
  return { round, submitter, systemId }
}
