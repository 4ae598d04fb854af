/** Public API of the MLPerf Inference submission-tree importer. */
export { scanInferenceTree, locationFromPath, isScenarioDirName } from './tree-scan'
export type { ResultLocation, ScanResult, ScanOptions } from './tree-scan'
export { readInferenceResult, createReadContext } from './read-result'
export type { ReadContext, ReadResult } from './read-result'
export { parseMllogDetail, parseTolerantJson, mllogNumber, mllogIntegerText } from './mllog-detail'
export type { MllogDetail, MllogRecord, MllogValue } from './mllog-detail'
export { parseLegacyDetail, isLegacyDetailText } from './legacy-detail'
export type { LegacyDetail } from './legacy-detail'
export {
  parseSummaryLog,
  normaliseScenario,
  summaryValue,
  summaryNumber,
  printedDecimals
} from './summary-log'
export type { SummaryLog, SummaryScenario, SummaryEntry, EarlyStoppingBlock } from './summary-log'
export { parseSystemDescription, normaliseStatus, normaliseSystemType } from './system-description'
export type { SystemDescription } from './system-description'
export { parseAccuracyText, accuracyMetricKeys } from './accuracy-txt'
export type { AccuracyText } from './accuracy-txt'
export { computePower, parseSpl, parsePowerTimestamp } from './power'
export type { PowerInput, PowerResult } from './power'
export { deriveOfficialValue } from './official-value'
export type { OfficialValue, OfficialValueInput } from './official-value'
export { validityChecks } from './validity'
export type { ValidityInput } from './validity'
