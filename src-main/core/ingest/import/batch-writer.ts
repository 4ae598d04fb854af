/**
 * Writes one suite's records in batches, the same way for inference and training. Records are
 * held until the batch is full or they change owner (the path they were read from: a write's
 * counts go to that path), then checked against the stored rows (stored-guard.ts) and upserted;
 * each upsert is one write transaction that takes the lock when it begins (write-transaction.ts),
 * so a batch is all or nothing and a concurrent import queues instead of failing. Batches keep
 * each transaction short, so the event loop (the window) stays responsive and a cancel keeps
 * every batch already committed: the job flushes what is pending at the end or on cancel.
 */
import type { Origin } from '../../../shared/catalogue'
import type { WritableDb } from '../../db/types'
import type { UpsertCounts } from '../../repo/upsert-sql'
import type { GuardResult } from '../stored-guard'

/** What a suite's repository offers the writer (the two suites differ only here). */
export type SuiteStore<R> = {
  /** Splits a batch into what to write and which stored rows to keep (damaged sources). */
  guard: (
    db: WritableDb,
    records: readonly R[],
    problems: ReadonlyMap<string, string>
  ) => GuardResult<R>
  upsert: (
    db: WritableDb,
    records: readonly R[],
    importId: number | null,
    origin: Origin
  ) => UpsertCounts
  /** Fills what stored summary rows lack from later copies; how many rows took a field. */
  fillGaps: (db: WritableDb, copies: readonly R[]) => number
}

/** Where the writer writes, and under which import and origin. */
export type WriteTarget = {
  db: WritableDb
  /** Files refused in this job, by path (file-safety.ts): results using them are guarded. */
  problems: ReadonlyMap<string, string>
  /** The import history row the rows point to, once it exists. */
  importId: () => number | null
  origin: Origin
}

/** What the writer reports back, for the job's counts and notes. */
export type WriteSink<O> = {
  guarded: (g: GuardResult<unknown>) => void
  written: (owner: O, counts: UpsertCounts) => void
  filled: (n: number) => void
}

export class BatchWriter<R, O> {
  #pending: R[] = []
  #owner: O
  #copies: R[] = []
  #wrote = false

  constructor(
    private readonly store: SuiteStore<R>,
    private readonly target: WriteTarget,
    private readonly sink: WriteSink<O>,
    /** Records per transaction. */
    private readonly size: number,
    /** The owner before any record (a write of no records has none). */
    firstOwner: O
  ) {
    this.#owner = firstOwner
  }

  /** Whether anything reached the database (searchable fields may have changed). */
  get wroteAny(): boolean {
    return this.#wrote
  }

  /**
   * Queues a record of `owner`; what is pending for another owner is written first. True when
   * the batch is full: the caller then flushes (and shows the write in its progress).
   */
  add(rec: R, owner: O): boolean {
    if (owner !== this.#owner) {
      this.flush()
      this.#owner = owner
    }
    this.#pending.push(rec)
    return this.#pending.length >= this.size
  }

  /** A further copy of a record already queued or written: may fill what the first lacks. */
  addCopy(rec: R): void {
    this.#copies.push(rec)
  }

  /** Writes what is pending, then fills gaps from the copies. */
  flush(): void {
    const { db, problems, origin } = this.target
    if (this.#pending.length > 0) {
      const g = this.store.guard(db, this.#pending, problems)
      this.sink.guarded(g)
      this.sink.written(this.#owner, this.store.upsert(db, g.write, this.target.importId(), origin))
      this.#pending = []
      this.#wrote = true
    }
    if (this.#copies.length > 0) {
      const n = this.store.fillGaps(db, this.#copies)
      // Filled fields may be searchable ones (system, accelerator…).
      if (n > 0) this.#wrote = true
      this.sink.filled(n)
      this.#copies = []
    }
  }
}
