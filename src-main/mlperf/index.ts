/**
 * The MLPerf rulebook: every rule that turns published logs and tables into official values,
 * per round, in one pure module (no Node, npm or other project imports) that the importers,
 * the local runs, the chart builders and the renderer all read. Data are typed const tables,
 * one concept per file; see each file for its sources, and docs/README.md in this folder for the rules they cite.
 */
export * from './round-order'
export * from './rounds'
export * from './round-resolution'
export * from './round-from-path'
export * from './inference-seeds'
export * from './inference-eras'
export * from './inference-models'
export * from './inference-metrics'
export * from './inference-power'
export * from './inference-limits'
export * from './benchmark-history'
export * from './training-benchmarks'
export * from './training-targets'
export * from './training-calendar'
export * from './training-log-formats'
