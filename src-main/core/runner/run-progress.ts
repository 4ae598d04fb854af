/**
 * The progress a local run reports while it goes. The run's steps only say what changed (the
 * phase, the loaded count, the run loop's figures); this fills in the rest so every event the
 * UI and the CLI receive is complete, with the phase and minimum duration of that moment.
 */
import type { RunProgress, RunSettings } from '../../shared/local-run'

export class RunProgressReporter {
  phase: RunProgress['phase'] = 'preparing'
  /** Known once the effective settings are; accuracy mode has none (it issues each sample once). */
  minDurationNs: number

  constructor(
    private readonly settings: Pick<RunSettings, 'mode' | 'minDurationMs'>,
    private readonly onProgress?: (p: RunProgress) => void
  ) {
    this.minDurationNs = this.accuracy ? 0 : settings.minDurationMs * 1e6
  }

  private get accuracy(): boolean {
    return this.settings.mode === 'AccuracyOnly'
  }

  /** The minimum duration LoadGen will apply (mlperf.conf or user.conf may change the asked one). */
  setMinDuration(minDurationMs: number): void {
    this.minDurationNs = this.accuracy ? 0 : minDurationMs * 1e6
  }

  /** Enter `phase` and say so. */
  enter(phase: RunProgress['phase']): void {
    this.phase = phase
    this.emit()
  }

  /** One event: the current phase and minimum duration, zeros for what `p` does not give. */
  emit(p: Partial<RunProgress> = {}): void {
    this.onProgress?.({
      phase: this.phase,
      mode: this.settings.mode,
      elapsedNs: 0,
      minDurationNs: this.minDurationNs,
      issued: 0,
      generated: 0,
      completed: 0,
      loaded: 0,
      toLoad: 0,
      throughput: 0,
      latencyP50Ns: 0,
      latencyP90Ns: 0,
      latencyP99Ns: 0,
      ...p
    })
  }
}
