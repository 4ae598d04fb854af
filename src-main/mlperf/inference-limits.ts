/**
 * Latency bounds the checker enforces (rules E.2; checker `latency-constraint`,
 * LLM_LATENCY_LIMITS) and the latency percentile each scenario reports. All in nanoseconds, as
 * LoadGen logs them.
 */
import type { InferenceScenario } from './inference-metrics'

/** Server latency bound per MLPerf model (at the Server target percentile). */
export const SERVER_LATENCY_BOUND_NS: Readonly<Record<string, number>> = {
  resnet: 15e6,
  mobilenet: 10e6,
  'ssd-small': 10e6,
  'ssd-large': 100e6,
  retinanet: 100e6,
  gnmt: 250e6,
  rnnt: 1000e6,
  'bert-99': 130e6,
  'bert-99.9': 130e6,
  'dlrm-99': 30e6,
  'dlrm-99.9': 30e6,
  'dlrm-v2-99': 60e6,
  'dlrm-v2-99.9': 60e6,
  'gptj-99': 20e9,
  'gptj-99.9': 20e9,
  'stable-diffusion-xl': 20e9
}

/** Legacy MultiStream (v0.5–v1.1) per-query latency bounds. */
export const LEGACY_MULTISTREAM_BOUND_NS: Readonly<Record<string, number>> = {
  resnet: 50e6,
  mobilenet: 50e6,
  'ssd-small': 50e6,
  'ssd-large': 66e6,
  gnmt: 100e6
}

export type TokenLimits = { ttft: number; tpot: number }

/** p99 time-to-first-token and time-per-output-token limits of LLM Server/Interactive runs. */
export const LLM_LATENCY_LIMITS_NS: Readonly<
  Record<string, Partial<Record<'Server' | 'Interactive', TokenLimits>>>
> = {
  'llama2-70b-99': {
    Server: { ttft: 2000e6, tpot: 200e6 },
    Interactive: { ttft: 450e6, tpot: 40e6 }
  },
  'llama2-70b-99.9': {
    Server: { ttft: 2000e6, tpot: 200e6 },
    Interactive: { ttft: 450e6, tpot: 40e6 }
  },
  // v5.0 ran the interactive limits as separate benchmarks in the Server scenario.
  'llama2-70b-interactive-99': { Server: { ttft: 450e6, tpot: 40e6 } },
  'llama2-70b-interactive-99.9': { Server: { ttft: 450e6, tpot: 40e6 } },
  'mixtral-8x7b': { Server: { ttft: 2000e6, tpot: 200e6 } },
  'llama3.1-405b': {
    Server: { ttft: 6000e6, tpot: 175e6 },
    Interactive: { ttft: 4500e6, tpot: 80e6 }
  },
  'llama3.1-8b': {
    Server: { ttft: 2000e6, tpot: 100e6 },
    Interactive: { ttft: 500e6, tpot: 30e6 }
  },
  'deepseek-r1': {
    Server: { ttft: 2000e6, tpot: 80e6 },
    Interactive: { ttft: 1500e6, tpot: 15e6 }
  },
  'gpt-oss-120b': {
    Server: { ttft: 3000e6, tpot: 80e6 },
    Interactive: { ttft: 2000e6, tpot: 15e6 }
  }
}

/** The token-latency limits of a model in a Server or Interactive folder, if it has any. */
export function tokenLimits(mlperfModel: string, scenario: InferenceScenario): TokenLimits | null {
  if (scenario !== 'Server' && scenario !== 'Interactive') return null
  return LLM_LATENCY_LIMITS_NS[mlperfModel]?.[scenario] ?? null
}

/**
 * The latency percentile a scenario reports and bounds (mlperf.conf target_latency_percentile):
 * 90 for SingleStream (99.9 for pointpainting), 99 for MultiStream and Server (97 for GNMT).
 */
export function targetPercentile(mlperfModel: string, scenario: InferenceScenario): number {
  if (scenario === 'SingleStream') return mlperfModel === 'pointpainting' ? 99.9 : 90
  if (mlperfModel === 'gnmt') return 97
  return 99
}
