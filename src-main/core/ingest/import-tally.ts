import type { ImportSourceTally, Suite } from '../../shared/api'

type Written = { imported: number; updated: number; unchanged: number }

/**
 * Splits an import's counts by the path the user gave and the suite, for the report. The job
 * names the owner of the work it is doing (`at`) and reports what happens; counts go to that
 * owner. Writes are attributed to the owner of the records written, so the job flushes its
 * pending records before it moves to another owner.
 */
export class ImportTally {
  readonly #rows = new Map<string, ImportSourceTally>()
  #owner: ImportSourceTally | null = null

  #get(path: string, suite: Suite | null): ImportSourceTally {
    const key = `${suite ?? ''}\u0000${path}`
    let row = this.#rows.get(key)
    if (!row) {
      row = {
        path,
        suite,
        found: 0,
        imported: 0,
        updated: 0,
        unchanged: 0,
        skipped: 0,
        itemsDone: 0,
        items: 0
      }
      this.#rows.set(key, row)
    }
    return row
  }

  /** Work on `path` for `suite` starts (null: the path itself, e.g. it does not exist). */
  at(path: string, suite: Suite | null): void {
    this.#owner = this.#get(path, suite)
  }

  /** The current owner, to compare before switching (flush first when it changes). */
  owner(): ImportSourceTally | null {
    return this.#owner
  }

  /** `n` sources of `path` for `suite` are to be read. */
  planned(path: string, suite: Suite, n: number): void {
    this.#get(path, suite).items += n
  }

  found(n = 1): void {
    if (this.#owner) this.#owner.found += n
  }

  skipped(n = 1): void {
    if (this.#owner) this.#owner.skipped += n
  }

  itemDone(): void {
    if (this.#owner) this.#owner.itemsDone++
  }

  /** Counts of a write of records that belong to `owner` (the owner when they were read). */
  written(owner: ImportSourceTally | null, c: Written): void {
    if (!owner) return
    owner.imported += c.imported
    owner.updated += c.updated
    owner.unchanged += c.unchanged
  }

  /** A record the job counts as unchanged without writing it (a repeated summary row). */
  unchanged(): void {
    if (this.#owner) this.#owner.unchanged++
  }

  /**
   * Rows in the order the paths were first named, suites in first-seen order; a path and suite
   * with nothing to show (e.g. no training sets in an inference clone) is left out.
   */
  rows(): ImportSourceTally[] {
    return [...this.#rows.values()]
      .filter((r) => r.items > 0 || r.found > 0 || r.skipped > 0 || r.unchanged > 0)
      .map((r) => ({ ...r }))
  }
}
