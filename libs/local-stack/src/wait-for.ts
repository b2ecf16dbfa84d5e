/**
 * Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. A probe that only
 * reads what is already there (a log, a counter) answers at once; others answer with a promise.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  { timeoutMs = 15_000, intervalMs = 100 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const cause = lastError instanceof Error ? `: ${lastError.message}` : '';
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
}

/** Resolves once `url` answers with a 2xx status. */
export function waitForHttpOk(url: string, timeoutMs = 15_000): Promise<true> {
  return waitFor(`${url} to answer 2xx`, async () => ((await fetch(url)).ok ? true : undefined), { timeoutMs });
}
