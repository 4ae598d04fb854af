/**
 * The RunResult of one local run, built up while it goes: the notes each step adds and the
 * files written, then the status with whatever the run got as far as. Every way out of a run
 * (a bad input, a failed load, a cancel, the finished run) returns through here, so each
 * result carries the run folder, start time, wall time and notes alike.
 */
import type { RunFile, RunResult, RunSettings } from '../../shared/local-run'

export class RunResultBuilder {
  readonly notes: string[]
  readonly files: RunFile[] = []
  readonly runDir: string

  constructor(
    private readonly settings: RunSettings,
    runDir: string,
    /** Date.now() when the run started. */
    readonly wallStart: number,
    initialNotes: string[] = []
  ) {
    this.runDir = runDir
    this.notes = [...initialNotes]
  }

  note(text: string): void {
    this.notes.push(text)
  }

  /** The result now: empty statistics unless `partial` gives them. */
  result(partial: Partial<RunResult> & Pick<RunResult, 'status' | 'reason'>): RunResult {
    return {
      runDir: this.runDir,
      startedAt: new Date(this.wallStart).toISOString(),
      wallMs: Date.now() - this.wallStart,
      settings: this.settings,
      summary: null,
      checks: [],
      valid: null,
      accuracy: null,
      files: this.files,
      histogram: [],
      percentileCurve: [],
      throughputSeries: [],
      notes: this.notes,
      ...partial
    }
  }

  /** A run that could not go on, with the reason. */
  failed(reason: string): RunResult {
    return this.result({ status: 'failed', reason })
  }
}
