#!/usr/bin/env node
/*
 * npm run e2e: the @grafana/plugin-e2e specs in this folder against the compose stack. Needs a Docker engine
 * (@grafana/plugin-e2e is a dev dependency). Without an engine it says so and exits 0, so CI on a
 * machine without Docker is not red for it; with one, it builds the plugin, starts the stack (waiting for every
 * healthcheck), runs the specs and always takes the stack down.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const sh = (command, args, options = {}) => spawnSync(command, args, { stdio: 'inherit', ...options });

if (sh('docker', ['info'], { stdio: 'ignore' }).status !== 0) {
  console.log('e2e: skipped: no Docker engine reachable (`docker info` failed); the specs in tests/e2e/ need the compose stack');
  process.exit(0);
}
try {
  createRequire(import.meta.url).resolve('@grafana/plugin-e2e');
} catch {
  console.error('e2e: @grafana/plugin-e2e is not installed; install it, then run again:');
  console.error('  npm install');
  process.exit(1);
}
const compose = sh('docker', ['compose', 'version'], { stdio: 'ignore' }).status === 0 ? ['docker', 'compose'] : ['docker-compose'];
const [bin, ...pre] = compose;
let status = sh('npm', ['run', 'build']).status;
if (status === 0) {
  // --wait: returns once every service's healthcheck passes (Compose v2); v1 has no --wait, the specs then wait.
  status = sh(bin, [...pre, 'up', '-d', '--build', ...(bin === 'docker' ? ['--wait'] : [])]).status;
}
if (status === 0) {
  status = sh('npx', ['playwright', 'test', '-c', 'tests/e2e/playwright.config.ts']).status;
}
sh(bin, [...pre, 'down']);
process.exit(status ?? 1);
