import autocannon, { type Request } from 'autocannon';

/** One load run: its rate, exact percentiles of every response (ms), its failures and its calls. */
export type Run = { rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number; total: number };

export const percentile = (sorted: number[], p: number) =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/**
 * One autocannon run on `connections` connections, for `seconds` or, with `amount`, for that many
 * calls (on at most as many connections). Latencies come from every response, so p95 is exact
 * (autocannon's own summary has none).
 */
export function cannon(
  url: string,
  opts: {
    connections: number;
    seconds: number;
    headers?: Record<string, string>;
    requests: Request[];
    amount?: number | undefined;
  },
) {
  return new Promise<Run>((resolve, reject) => {
    const latencies: number[] = [];
    // Timed here, to the last response: a run of a fixed number of calls (the steps) ends at
    // autocannon's next whole-second tick, so its own duration counted the wait for the tick.
    const started = performance.now();
    let answered = started;
    const tracker = autocannon(
      {
        url,
        connections: opts.amount ? Math.min(opts.connections, opts.amount) : opts.connections,
        ...(opts.amount ? { amount: opts.amount } : { duration: opts.seconds }),
        headers: opts.headers ?? {},
        requests: opts.requests,
        timeout: 30,
      },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          rps: result.requests.total / Math.max((answered - started) / 1000, 0.001),
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          errors: result.errors + result.timeouts,
          non2xx: result.non2xx,
          total: result.requests.total,
        });
      },
    );
    tracker.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      answered = performance.now();
    });
  });
}
