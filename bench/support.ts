import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import autocannon from 'autocannon';

export interface LoadResult {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/** Loads one URL over keep-alive connections on loopback and reports throughput and latency; `rate` holds it at that many requests a second. */
export async function load(name: string, url: string, options: { seconds?: number; connections?: number; headers?: Record<string, string>; rate?: number } = {}): Promise<LoadResult> {
  const result = await autocannon({
    url,
    duration: options.seconds ?? 5,
    connections: options.connections ?? 10,
    headers: options.headers ?? {},
    ...(options.rate ? { overallRate: options.rate } : {}),
  });
  return {
    name,
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
  };
}

/** The reference: a bare node:http handler answering fixed bytes, the ceiling for any framework on this machine. */
export async function startBareServer(body: string, contentType = 'application/json'): Promise<{ url: string; server: Server }> {
  const server = createServer((_, response) => {
    response.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export function printTable(results: LoadResult[], reference: LoadResult): void {
  console.table(
    results.map((r) => ({
      case: r.name,
      'req/s': r.requestsPerSecond,
      'p50 ms': r.p50Ms,
      'p99 ms': r.p99Ms,
      'vs bare node:http': `${((r.requestsPerSecond / reference.requestsPerSecond) * 100).toFixed(1)} %`,
      errors: r.errors + r.non2xx,
    })),
  );
}

export const MIB = 1024 * 1024;
// A collection before each case, so its heap growth is its own and not garbage of the one before.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** Time, and the highest RSS and heap seen while `work` runs (sampled every 10 ms) over what they were after a collection. */
export async function measure<T>(name: string, work: () => Promise<T>, describe: (result: T) => string) {
  collectGarbage();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakHeap = Math.max(peakHeap, now.heapUsed);
  }, 10);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const after = process.memoryUsage();
  peakRss = Math.max(peakRss, after.rss);
  peakHeap = Math.max(peakHeap, after.heapUsed);
  return {
    case: name,
    seconds: Number(seconds.toFixed(2)),
    'peak RSS MiB': Math.round(peakRss / MIB),
    'RSS growth MiB': Math.round((peakRss - before.rss) / MIB),
    'heap growth MiB': Math.round((peakHeap - before.heapUsed) / MIB),
    result: describe(result),
  };
}
