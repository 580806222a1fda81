/** A small closed-loop HTTP load generator for loopback: N workers, fixed duration, exact percentiles. */
import http from 'node:http';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface LoadTarget {
  method?: 'GET' | 'POST';
  path: string | (() => string);
  headers?: Record<string, string>;
  body?: () => string;
  /** Statuses that count as success (default 200). */
  ok?: number[];
}

function once(agent: http.Agent, port: number, t: LoadTarget): Promise<number> {
  return new Promise((resolve, reject) => {
    const body = t.body?.();
    const req = http.request(
      { host: '127.0.0.1', port, agent, method: t.method ?? 'GET', path: typeof t.path === 'function' ? t.path() : t.path, headers: { ...t.headers, ...(body ? { 'content-length': Buffer.byteLength(body) } : {}) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs `concurrency` loops against the target for `seconds`; bounded in time by construction. */
export async function runLoad(port: number, target: LoadTarget, concurrency: number, seconds: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const ok = new Set(target.ok ?? [200]);
  const latencies: number[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        const t0 = performance.now();
        try {
          const status = await once(agent, port, target);
          if (!ok.has(status)) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    errors,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
  };
}
