/**
 * A chart view ↔ the route parameters of the Charts screen's URL (`#/charts?round=v4.1&_chart=
 * speedup&_acc=8`). Filters and search travel in the table-view codec like the Explorer's; the
 * chart options become `_`-prefixed parameters, written only when they differ from the defaults
 * so links stay short. Unknown or malformed values fall back to the defaults, never throw.
 */
import type { Filter } from '../shared/api'
import { SUITES } from '../shared/api'
import type { ChartView } from '../shared/charts/chart-view'
import {
  CHART_KINDS,
  COLOR_BY,
  DEFAULT_CHART_VIEW,
  DISTRIBUTION_SHAPES,
  EFFICIENCY_METRICS,
  NORMALISATION_MODES,
  PRICE_BASES,
  SPEEDUP_MODES,
  chartView,
  parseSystemKey,
  systemKeyText
} from '../shared/charts/chart-view'

function pick<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return value !== undefined && (allowed as readonly string[]).includes(value)
    ? (value as T)
    : fallback
}

/** Route parameters (without the leading `_`) for a view's chart options. */
export function viewToParams(view: ChartView): Record<string, string> {
  const d = DEFAULT_CHART_VIEW
  const p: Record<string, string> = { chart: view.kind }
  if (view.suite !== d.suite) p['suite'] = view.suite
  if (view.normalisation !== d.normalisation) p['norm'] = view.normalisation
  if (view.reference) p['ref'] = systemKeyText(view.reference)
  if (view.priceBasis !== d.priceBasis) p['basis'] = view.priceBasis
  if (view.colorBy !== d.colorBy) p['color'] = view.colorBy
  if (view.shape !== d.shape) p['shape'] = view.shape
  if (view.speedupMode !== d.speedupMode) p['speedup'] = view.speedupMode
  if (view.accelerators !== d.accelerators) p['acc'] = String(view.accelerators)
  if (view.efficiency !== d.efficiency) p['eff'] = view.efficiency
  if (view.title) p['title'] = view.title
  return p
}

/** A view from the URL's filters, search and route parameters. */
export function viewFromParams(
  filters: Filter[],
  search: string,
  params: Readonly<Record<string, string>>
): ChartView {
  const d = DEFAULT_CHART_VIEW
  const acc = Number(params['acc'])
  return chartView({
    kind: pick(params['chart'], CHART_KINDS, d.kind),
    suite: pick(params['suite'], SUITES, d.suite),
    filters,
    search,
    normalisation: pick(params['norm'], NORMALISATION_MODES, d.normalisation),
    reference: params['ref'] ? parseSystemKey(params['ref']) : null,
    priceBasis: pick(params['basis'], PRICE_BASES, d.priceBasis),
    colorBy: pick(params['color'], COLOR_BY, d.colorBy),
    shape: pick(params['shape'], DISTRIBUTION_SHAPES, d.shape),
    speedupMode: pick(params['speedup'], SPEEDUP_MODES, d.speedupMode),
    accelerators: Number.isInteger(acc) && acc > 0 && acc <= 1_000_000 ? acc : d.accelerators,
    efficiency: pick(params['eff'], EFFICIENCY_METRICS, d.efficiency),
    ...(params['title'] ? { title: params['title'] } : {})
  })
}
