/** Importers for official MLPerf Inference summary files (see read-summary-file.ts). */
export { isSummaryFileName, detectSummaryFormat } from './detect'
export type { SummaryFormat } from './detect'
export { readSummaryFile } from './read-summary-file'
export type { SummaryFileResult } from './read-summary-file'
export { parseFinalReportJson } from './final-report-json'
export { parseCheckerCsv } from './checker-csv'
export { parseNvidiaFiveColumnCsv } from './nvidia-five-column'
export { parseCmResultJson } from './cm-result-json'
export {
  officialMetric,
  resolveMetric,
  normaliseRound,
  normaliseAvailability,
  normaliseScenario,
  mapMlperfModel,
  parseAccuracy,
  toNumber
} from './to-record'
export type { SummaryFileContext, SummaryParseResult } from './to-record'
