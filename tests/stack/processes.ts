/**
 * Child processes for the stack proof: each one is recorded by PID and stopped by PID (SIGTERM, then SIGKILL
 * after 5 s), never by name; a run that fails or times out still stops everything it started.
 */
import { ChildProcess, spawn, spawnSync, SpawnSyncOptions } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:net';

const started: Array<{ name: string; child: ChildProcess }> = [];

/** Starts a long-running process with its output in `logFile`. */
export function start(name: string, command: string, args: string[], logFile: string): ChildProcess {
  const log = createWriteStream(logFile);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  started.push({ name, child });
  return child;
}

/** Runs a command to its end; throws with its output when it fails. */
export function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 120_000, ...options });
  if (result.error || result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
    throw new Error(`${command} ${args.join(' ')}: ${result.error?.message ?? `exit ${result.status}`}\n${output}`);
  }
  return String(result.stdout ?? '');
}

export function hasCommand(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** Stops every process started here, by PID, newest first. */
export async function stopAll(): Promise<void> {
  for (const { child } of started.reverse()) {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      continue;
    }
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(child.pid, 'SIGTERM');
    const timer = setTimeout(
      () => child.pid !== undefined && child.exitCode === null && process.kill(child.pid, 'SIGKILL'),
      5000
    );
    await exited;
    clearTimeout(timer);
  }
  started.length = 0;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Polls `check` every 250 ms until it returns true, or throws after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${what}: not ready after ${timeoutMs / 1000} s`);
}

export const httpOk = (url: string) => async () => (await fetch(url)).ok;
