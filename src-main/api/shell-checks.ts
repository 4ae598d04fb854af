/**
 * Checks a shell makes before it opens a database (so a bad argument creates none), from the
 * same rules the API applies. Kept out of shell-values.ts: they load the MLPerf rulebook.
 */
export { checkImportRound } from '../core/ingest/round-check'
/** `run`: the benchmarks mlperf.conf knows, and a --user-conf file read in LoadGen's syntax. */
export { MLPERF_CONF_MODELS } from '../core/loadgen/mlperf-conf-defaults'
export { parseConf, userConfIgnoredKeys } from '../core/loadgen/config'
