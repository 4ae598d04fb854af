/**
 * Which pairs of results MLCommons does not consider comparable, and why (MLPerf results
 * guidelines: "comparisons must be made between results of the same benchmark and scenario from
 * compatible versions"). The rules come from the project's MLPerf specification (sections C.3,
 * C.4, E.1, E.2):
 *  - a benchmark whose model, dataset or quality target changed starts a new definition;
 *  - MultiStream changed meaning in v2.0 (streams sustained → 99th-percentile query latency);
 *  - -99 and -99.9 variants, and renamed or replaced benchmarks, are different benchmarks;
 *  - performance from a power submission is not comparable with a non-power submission;
 *  - a different unit means a different metric (gptj, llama2 went from samples/s to tokens/s);
 *  - open-division results may run another model; network-division results run over a network.
 * Smaller metric changes that MLCommons still compares across are returned as caveats.
 */
import type { BenchmarkDefinition } from '../mlperf'
import { BENCHMARK_DEFINITIONS, BENCHMARK_SUCCESSORS, inferenceEra, roundAtLeast } from '../mlperf'
import type { ChartRow } from '../shared/charts/chart-points'

/** The fields the rules look at. */
export type ComparableResult = {
  round: string
  /** MLPerf model name (bert-99, resnet, dlrm-v2-99.9…). */
  benchmark: string
  scenario: string | null
  unit: string
  division: string
  /** The result comes from a power submission (a measured power value exists). */
  hasPower: boolean
  sourceKind: string
}

/** The comparability fields of a chart row. */
export function toComparable(r: ChartRow): ComparableResult {
  return {
    round: r.round,
    benchmark: r.benchmark,
    scenario: r.scenario,
    unit: r.unit,
    division: r.division,
    hasPower: r.powerValue !== null,
    sourceKind: r.sourceKind
  }
}

export type Comparability = { ok: true; caveats: string[] } | { ok: false; reason: string }

/** "bert-99.9" → {base: "bert", variant: "99.9"}; no variant for "resnet". */
export function splitVariant(benchmark: string): { base: string; variant: '99' | '99.9' | null } {
  const m = /^(.*)-(99(?:\.9)?)$/.exec(benchmark)
  if (!m?.[1]) return { base: benchmark, variant: null }
  return { base: m[1], variant: m[2] === '99.9' ? '99.9' : '99' }
}

/** Index of the definition a round falls in (0 when the benchmark never changed). */
export function definitionIndex(benchmark: string, round: string): number {
  const defs: readonly BenchmarkDefinition[] | undefined =
    BENCHMARK_DEFINITIONS[splitVariant(benchmark).base]
  if (!defs) return 0
  let index = 0
  defs.forEach((d, i) => {
    if (roundAtLeast(round, d.from)) index = i
  })
  return index
}

function definitionChange(benchmark: string, a: string, b: string): string | null {
  const defs: readonly BenchmarkDefinition[] | undefined =
    BENCHMARK_DEFINITIONS[splitVariant(benchmark).base]
  if (!defs) return null
  const ia = definitionIndex(benchmark, a)
  const ib = definitionIndex(benchmark, b)
  if (ia === ib) return null
  const changes = defs
    .slice(Math.min(ia, ib) + 1, Math.max(ia, ib) + 1)
    .map((d) => d.change ?? 'the benchmark definition changed')
  return changes.join('; ')
}

/** Why two different benchmark names are not the same benchmark. */
export function benchmarkDifference(a: string, b: string): string {
  const x = splitVariant(a)
  const y = splitVariant(b)
  if (x.base === y.base && x.variant !== y.variant) {
    return `${a} and ${b} are different benchmarks (${x.variant ?? 'no'} vs ${y.variant ?? 'no'} % of reference accuracy)`
  }
  const succ = BENCHMARK_SUCCESSORS.find(
    (s) => (s.from === x.base && s.to === y.base) || (s.from === y.base && s.to === x.base)
  )
  if (succ) return `${a} and ${b} are different benchmarks: ${succ.why}`
  return `${a} and ${b} are different benchmarks`
}

/** True when one round is before early stopping (v2.0) and the other from then on. */
function crossesV2(a: string, b: string): boolean {
  return inferenceEra(a, 'earlyStopping') !== inferenceEra(b, 'earlyStopping')
}

/** Whether MLCommons would let `a` and `b` be compared, with the reason when not. */
export function comparability(a: ComparableResult, b: ComparableResult): Comparability {
  if (a.benchmark !== b.benchmark) {
    return { ok: false, reason: benchmarkDifference(a.benchmark, b.benchmark) }
  }
  if (a.scenario !== b.scenario) {
    return {
      ok: false,
      reason: `different scenarios (${a.scenario ?? 'none'} vs ${b.scenario ?? 'none'})`
    }
  }
  if (a.scenario === 'MultiStream' && crossesV2(a.round, b.round)) {
    return {
      ok: false,
      reason:
        'MultiStream changed meaning in v2.0: before, the number of streams sustained; from v2.0, the 99th-percentile latency of 8-sample queries'
    }
  }
  const change = definitionChange(a.benchmark, a.round, b.round)
  if (change) return { ok: false, reason: `${a.benchmark}: ${change}` }
  if (a.unit !== b.unit) {
    return { ok: false, reason: `the metric changed (${a.unit} vs ${b.unit})` }
  }
  if (a.hasPower !== b.hasPower) {
    return {
      ok: false,
      reason: 'performance of a power submission is not comparable with a non-power submission'
    }
  }
  for (const r of [a, b]) {
    if (r.division === 'open') {
      return { ok: false, reason: 'open-division results may run a different model' }
    }
  }
  // The user's runs have no division of their own (division "local"); they compare as
  // unverified results (caveat below), not as another division.
  const local = a.sourceKind === 'local' || b.sourceKind === 'local'
  if (!local && a.division !== b.division) {
    return {
      ok: false,
      reason: `different divisions (${a.division} vs ${b.division}); network-division results are measured over a network`
    }
  }
  const caveats: string[] = []
  if (a.scenario === 'SingleStream' && crossesV2(a.round, b.round)) {
    caveats.push(
      'SingleStream before v2.0 is the plain 90th-percentile latency; from v2.0 the early-stopping estimate'
    )
  }
  if (
    (a.scenario === 'Server' || a.scenario === 'Interactive') &&
    inferenceEra(a.round, 'completedServer') !== inferenceEra(b.round, 'completedServer')
  ) {
    caveats.push('Server reports scheduled samples/s before v4.1 and completed samples/s from v4.1')
  }
  if (local) {
    caveats.push('includes your own run: unverified, not an MLPerf result')
  }
  return { ok: true, caveats }
}

/**
 * Plain-words notes for a set of benchmarks shown together: which variants and successors are
 * present and therefore never paired.
 */
export function benchmarkSetNotes(benchmarks: Iterable<string>): string[] {
  const present = new Set(benchmarks)
  const bases = new Map<string, Set<string>>()
  for (const b of present) {
    const { base, variant } = splitVariant(b)
    if (!variant) continue
    const set = bases.get(base) ?? new Set<string>()
    set.add(variant)
    bases.set(base, set)
  }
  const notes: string[] = []
  for (const [base, variants] of [...bases].sort((x, y) => x[0].localeCompare(y[0]))) {
    if (variants.size > 1) {
      notes.push(
        `${base}-99 and ${base}-99.9 are separate benchmarks (99% vs 99.9% of the reference accuracy) and are never paired`
      )
    }
  }
  const baseNames = new Set([...present].map((b) => splitVariant(b).base))
  for (const s of BENCHMARK_SUCCESSORS) {
    if (baseNames.has(s.from) && baseNames.has(s.to)) {
      notes.push(`${s.from} → ${s.to} not paired: ${s.why}`)
    }
  }
  return notes
}
