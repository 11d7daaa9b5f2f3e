/**
 * Child processes for the benchmarks: start a server in its own process group, wait for its health URL,
 * and stop it the way an operator would (SIGTERM, then wait until every process of the group is gone,
 * so that PGlite has closed its directory before the next start).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';

export interface Started {
  proc: ChildProcess;
  pid: number;
  /** Resolves when the process we spawned (the group leader) has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

export interface Stopped {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** SIGTERM to the moment no process of the group was left. */
  ms: number;
  /** Processes of the group still alive after the leader exited, which had to be signalled themselves. */
  stragglers: number;
  /** SIGKILL was needed (the process did not exit within the grace period). */
  killed: boolean;
}

const MAX_OUTPUT = 64 * 1024;

export function start(
  command: string,
  args: string[],
  env: Record<string, string>,
  cwd = process.cwd(),
): Started {
  const proc = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: `npm start` runs npm → sh → tsx → node, and all of them must be accounted for.
    detached: true,
  });
  if (proc.pid === undefined) throw new Error(`could not start ${command}`);
  let out = '';
  const collect = (chunk: Buffer) => {
    if (out.length < MAX_OUTPUT) out += chunk.toString('utf8');
  };
  proc.stdout?.on('data', collect);
  proc.stderr?.on('data', collect);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.once('exit', (code, signal) => resolve({ code, signal }));
  });
  return { proc, pid: proc.pid, exited, output: () => out };
}

/** Live (not zombie) processes whose process group is `pgid` — Linux /proc. */
export function groupMembers(pgid: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp ... — comm may contain spaces, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const state = fields[0];
    const pgrp = Number(fields[2]);
    if (pgrp === pgid && state !== 'Z' && state !== 'X') pids.push(Number(entry));
  }
  return pids;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function signal(pid: number, sig: NodeJS.Signals) {
  try {
    process.kill(pid, sig);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
  }
}

/**
 * SIGTERM to the process we started (or, with `group`, to its whole process group, as a terminal's
 * Ctrl+C or systemd's default KillMode do); wait for it and then for the rest of its group. A member left
 * behind after the leader exited (npm's `sh -c` dies of the signal npm passes on, leaving tsx and the
 * server running) gets its own SIGTERM and is counted. Only after `graceMs` is anything killed, and that
 * is reported.
 */
export async function stop(child: Started, { graceMs = 20_000, group = false } = {}): Promise<Stopped> {
  const t0 = performance.now();
  let stragglers = 0;
  let killed = false;
  signal(group ? -child.pid : child.pid, 'SIGTERM');
  const deadline = t0 + graceMs;
  const leader = await Promise.race([child.exited, sleep(graceMs).then(() => null)]);
  if (!leader) {
    killed = true;
    signal(-child.pid, 'SIGKILL');
  }
  let termed = false;
  for (;;) {
    const left = groupMembers(child.pid);
    if (left.length === 0) break;
    if (!termed) {
      // Give the group a moment to follow its leader before treating anyone as a straggler.
      await sleep(200);
      const still = groupMembers(child.pid);
      if (still.length === 0) break;
      stragglers = still.length;
      for (const pid of still) signal(pid, 'SIGTERM');
      termed = true;
    }
    if (performance.now() > deadline) {
      killed = true;
      for (const pid of left) signal(pid, 'SIGKILL');
    }
    await sleep(20);
  }
  const result = await child.exited;
  return { ...result, ms: performance.now() - t0, stragglers, killed };
}

/** One GET; resolves with the status code, or null when nothing answered (yet). */
export function probe(url: string, timeoutMs = 1000): Promise<number | null> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? null));
      res.on('error', () => resolve(null));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(null));
  });
}

/**
 * Polls `url` every `intervalMs` until it answers 200; returns the time since `since`. Fails early if the
 * process exits, and after `timeoutMs`.
 */
export async function waitFor200(
  url: string,
  child: Started,
  since: number,
  { intervalMs = 20, timeoutMs = 120_000 } = {},
): Promise<number> {
  let exited = false;
  void child.exited.then(() => {
    exited = true;
  });
  for (;;) {
    const status = await probe(url, 1000);
    if (status === 200) return performance.now() - since;
    if (exited) throw new Error(`process exited before ${url} answered 200:\n${child.output()}`);
    if (performance.now() - since > timeoutMs)
      throw new Error(`no 200 from ${url} after ${timeoutMs} ms:\n${child.output()}`);
    await sleep(intervalMs);
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
