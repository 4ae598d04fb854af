/**
 * Which run progress events go out to listeners: a run reports progress many times a second,
 * while the UI and the CLI need a few; a phase change always goes out, so a listener never
 * misses the step a run is in.
 */
export class ProgressThrottle {
  private lastEmit = 0
  private lastPhase: string | null = null

  constructor(private readonly minGapMs: number) {}

  /** Whether an event of `phase` at `nowMs` goes out (and, if so, remember it). */
  pass(phase: string, nowMs: number): boolean {
    if (phase === this.lastPhase && nowMs - this.lastEmit < this.minGapMs) return false
    this.lastEmit = nowMs
    this.lastPhase = phase
    return true
  }

  /** A new run starts: its first event goes out whatever its phase. */
  reset(): void {
    this.lastPhase = null
  }
}
