/**
 * The scenario a result is stored under. The folder name never overrides LoadGen's own
 * `scenario` in the log: a SingleStream log filed under server/ is a SingleStream result (with a
 * latency metric), not a Server row. The only folder/log pairs the submission checker accepts
 * are the inferred edge results (an Offline or MultiStream folder holding a SingleStream run, an
 * Offline folder holding a MultiStream run: official-value.ts), and Interactive, a Server run
 * under a stricter latency bound.
 */
import type { Scenario } from '../../../shared/inference'
import type { SummaryScenario } from './summary-log'

export function recordScenario(
  scenarioDir: string,
  folderScenario: SummaryScenario,
  logScenario: SummaryScenario,
  inferred: boolean
): Scenario {
  if (scenarioDir.toLowerCase() === 'interactive') {
    return logScenario === 'Server' ? 'Interactive' : logScenario
  }
  if (folderScenario === logScenario || inferred) return folderScenario
  return logScenario
}
