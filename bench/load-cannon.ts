/**
 * One endpoint under load with autocannon: `connections` keep-alive connections, each sending its next request
 * as soon as the last is answered, for `seconds` after a short warm-up that is not counted. Latencies are
 * taken from autocannon's own per-response timer (fractional milliseconds, 2xx only as autocannon does);
 * every response that is not 2xx, every socket error and every timeout is counted, and the first few
 * non-2xx bodies are kept to tell why.
 */
import autocannon from 'autocannon';

export interface EndpointFigures {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

export interface Shot {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  /** A fresh body for each request (POST). */
  body?: () => string;
}

export interface ShotResult extends EndpointFigures {
  statusCodes: Record<string, number>;
  /** The first non-2xx answers, for the report. */
  failures: string[];
}

const MAX_FAILURES_KEPT = 5;
/** A request unanswered for this long is a timeout (autocannon's default is 10 s). */
const TIMEOUT_SECONDS = 10;

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return Math.round((sorted[index] ?? 0) * 100) / 100;
}

function run(origin: string, shot: Shot, connections: number, seconds: number) {
  const latencies: number[] = [];
  const failures: string[] = [];
  const request: autocannon.Request = {
    method: shot.method,
    path: shot.path,
    headers: shot.headers,
    onResponse: (status, body) => {
      if ((status < 200 || status >= 300) && failures.length < MAX_FAILURES_KEPT)
        failures.push(`${status} ${body.slice(0, 300)}`);
    },
  };
  const { body } = shot;
  if (body) request.setupRequest = (req) => ({ ...req, body: body() });
  return new Promise<{ result: autocannon.Result; latencies: number[]; failures: string[] }>(
    (resolve, reject) => {
      autocannon(
        {
          url: origin,
          connections,
          duration: seconds,
          timeout: TIMEOUT_SECONDS,
          requests: [request],
          setupClient: (client) => {
            client.on('response', (statusCode, _bytes, responseTime) => {
              if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
            });
          },
        },
        (error: unknown, result) => {
          if (error) reject(error instanceof Error ? error : new Error(String(error)));
          else resolve({ result, latencies, failures });
        },
      );
    },
  );
}

/** Warms the endpoint up for `warmUpSeconds`, then measures it for `seconds`. */
export async function fire(
  origin: string,
  shot: Shot,
  options: { connections: number; seconds: number; warmUpSeconds: number },
): Promise<ShotResult> {
  if (options.warmUpSeconds > 0) {
    const warm = await run(origin, shot, options.connections, options.warmUpSeconds);
    if (warm.result.errors > 0 || warm.result.non2xx > 0) {
      throw new Error(
        `${shot.method} ${shot.path}: ${warm.result.errors} errors (${warm.result.timeouts} timeouts), ` +
          `${warm.result.non2xx} non-2xx during the warm-up\n${warm.failures.join('\n')}`,
      );
    }
  }
  const { result, latencies, failures } = await run(origin, shot, options.connections, options.seconds);
  const sorted = latencies.sort((a, b) => a - b);
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = stats.count ?? 0;
  return {
    requestsPerSecond: Math.round((result.requests.total / result.duration) * 10) / 10,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    requests: result.requests.total,
    // autocannon counts a timeout as an error too.
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
    failures,
  };
}
