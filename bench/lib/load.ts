/** Load generation with autocannon (programmatic), and the session login the authenticated route needs. */
import autocannon from 'autocannon';

export interface LoadOptions {
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
}

export interface LoadResult {
  url: string;
  connections: number;
  durationSeconds: number;
  requestsPerSecond: number;
  totalRequests: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyAvgMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

/** A warm-up run whose figures are thrown away, then the measured run. */
export async function measure(
  url: string,
  opts: LoadOptions,
  headers: Record<string, string> = {},
): Promise<LoadResult> {
  if (opts.warmupSeconds > 0) {
    await autocannon({ url, connections: opts.connections, duration: opts.warmupSeconds, headers });
  }
  const r = await autocannon({ url, connections: opts.connections, duration: opts.durationSeconds, headers });
  return {
    url,
    connections: opts.connections,
    durationSeconds: r.duration,
    requestsPerSecond: r.requests.average,
    totalRequests: r.requests.total,
    latencyP50Ms: r.latency.p50,
    latencyP99Ms: r.latency.p99,
    latencyAvgMs: r.latency.average,
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
  };
}

/** Load for `seconds` with nothing measured — for checks that need the server busy (stop under load). */
export async function busy(
  url: string,
  connections: number,
  seconds: number,
  headers: Record<string, string> = {},
) {
  const r = await autocannon({ url, connections, duration: seconds, headers });
  return { requests: r.requests.total, errors: r.errors, non2xx: r.non2xx };
}

/** Logs in through the real endpoint and returns the `Cookie` header value for the session. */
export async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`login as ${username} failed: ${res.status} ${text}`);
  const cookies = res.headers.getSetCookie();
  const session = cookies.map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('vd_session='));
  if (!session)
    throw new Error(`login as ${username} set no vd_session cookie (got: ${cookies.join(' | ')})`);
  const body = JSON.parse(text) as { mustChangePassword?: boolean };
  if (body.mustChangePassword)
    throw new Error(`${username} must change password first; the demo seed should not require it`);
  return session;
}

/** One GET that must answer 200 with a JSON body; returns the body (sanity check before loading a route). */
export async function getJson(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const res = await fetch(url, { headers });
  const text = await res.text();
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${text.slice(0, 300)}`);
  return JSON.parse(text);
}
