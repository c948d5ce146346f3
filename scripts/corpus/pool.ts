// A fixed number of async jobs at once (the corpus runs on 2 cores): a tiny pool, no dependency.

/** Runs `jobs` with at most `concurrency` at once; results keep the order of `jobs`. */
export async function runPool<T, R>(
  jobs: readonly T[],
  concurrency: number,
  run: (job: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(jobs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < jobs.length) {
      const index = next++;
      results[index] = await run(jobs[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  return results;
}
