/**
 * Maps items with up to `concurrency` calls in flight and yields the results in input order,
 * so file reads of several results overlap (the import spends most of its time waiting on the
 * disk otherwise) while the caller still sees one result at a time. Stops starting new work
 * once the signal is aborted.
 */
export async function* mapOrdered<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<R>,
  signal?: AbortSignal
): AsyncGenerator<R> {
  const inFlight: Promise<R>[] = []
  let next = 0
  const fill = (): void => {
    while (inFlight.length < concurrency && next < items.length && !signal?.aborted) {
      inFlight.push(fn(items[next++] as T))
    }
  }
  fill()
  while (inFlight.length > 0) {
    const head = inFlight.shift() as Promise<R>
    const result = await head
    fill()
    yield result
  }
}
