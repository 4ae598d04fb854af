/**
 * MLPerf quality targets: a closed-division result must reach 99% (or 99.9% for the "-99.9"
 * variants) of the reference FP32 accuracy.
 */
import type { QualityTargetFraction, QualityTargetResult } from '../../shared/local-run'

export function qualityTarget(
  achieved: number,
  referenceAccuracy: number,
  fraction: QualityTargetFraction
): QualityTargetResult {
  const threshold = referenceAccuracy * fraction
  const met = achieved >= threshold
  const pct = fraction === 0.99 ? '99%' : '99.9%'
  const f = (n: number): string => n.toFixed(3)
  return {
    referenceAccuracy,
    fraction,
    threshold,
    achieved,
    met,
    explanation: met
      ? `Top-1 ${f(achieved)}% reaches ${pct} of the FP32 reference ${f(referenceAccuracy)}% (at least ${f(threshold)}% needed).`
      : `Top-1 ${f(achieved)}% is below ${pct} of the FP32 reference ${f(referenceAccuracy)}% (at least ${f(threshold)}% needed).`
  }
}
