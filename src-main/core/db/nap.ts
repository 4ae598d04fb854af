/**
 * A short synchronous pause for the database openers that wait on another process (a new file
 * getting its header, a WAL switch): better-sqlite3 is synchronous, so the wait blocks too.
 */
const cell = new Int32Array(new SharedArrayBuffer(4))

export function nap(ms: number): void {
  Atomics.wait(cell, 0, 0, ms)
}
