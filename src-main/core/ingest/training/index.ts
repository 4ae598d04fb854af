/** Public API of the MLPerf Training importer (logs, official scoring, time to multiple thresholds). */
export {
  parseLogLine,
  parseLogLines,
  detectLogFormat,
  parseLenientValue,
  parseLenientText,
  secondsTextToMs,
  UnknownLogFormatError
} from './log-line'
export type { LogRecord, LogValue, LogObject, LineParse, LogParse } from './log-line'
export { parseTrainingLog, evalsReachTarget } from './parse-log'
export type { ParseLogOptions, ParsedTrainingLog } from './parse-log'
export { defaultThresholds } from './default-thresholds'
export { olympicAverage, scoreTrainingRuns } from './score'
export type { TrainingScore, ScoredRunInput, RunRole } from './score'
export {
  parseSystemJson,
  parseV06SystemLines,
  parseV05Entry,
  parseTrainingSystemFile,
  normaliseAvailability,
  tpuChipsFromName,
  SystemInfoError
} from './system-info'
export type { TrainingSystemInfo } from './system-info'
export {
  scanTrainingTree,
  describeTrainingSet,
  isResultFileName,
  compareResultFiles
} from './tree-scan'
export type {
  TrainingSetLocation,
  TrainingSetLayout,
  TrainingScanResult,
  TrainingScanOptions
} from './tree-scan'
export {
  readTrainingResultSet,
  readTrainingResultSetAt,
  createTrainingReadContext
} from './read-result-set'
export type {
  TrainingReadContext,
  TrainingReadResult,
  TrainingReadOptions
} from './read-result-set'
export {
  sortThresholds,
  timeToThreshold,
  attmtFromTtas,
  runTtmt,
  spread,
  setTtmt,
  setTtmtForTarget,
  speedupTable
} from './ttmt'
export type { RunTtmt, Spread, SetTtmt, SpeedupRow } from './ttmt'
export {
  parseTrainingSummaryCsv,
  parseTrainingSummaryJson,
  parseTrainingCmResult,
  detectTrainingSummary,
  readTrainingSummaryFile,
  isTrainingSummaryFileName,
  systemIdFromDetailsUrl
} from './summaries'
export type { TrainingSummaryFormat, TrainingSummaryResult } from './summaries'
