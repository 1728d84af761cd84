#!/usr/bin/env node
/*
 * Installs the sub-packages with a lockfile of their own, each with `npm ci` from its package-lock.json: the
 * sandbox's extra hosts (tests/hosts/<name>/, e.g. grafana13: @grafana/* 13, React 19) and the KPI simulator
 * (kpi-sim/: prom-client, pg; `npm run kpi-sim`). The root package.json's postinstall runs this, so the root `npm ci`
 * (the README's install step, and .ci/run's) installs every host the browser tests use; `npm test` on a fresh
 * clone needs nothing else.
 *
 * A host whose node_modules already holds what its lockfile pins is left alone: `npm ci` deletes and reinstalls
 * (minutes), and the root postinstall runs on every root install. OKR_SKIP_HOSTS=1 skips the postinstall run (the
 * plugin build and the demo need only the root's packages); the browser tests then fail on the grafana13 project,
 * saying how to install it.
 *
 * Plain Node, no dependencies: it runs before anything else can be relied on.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HOSTS = path.dirname(fileURLToPath(import.meta.url));

if (process.env.npm_lifecycle_event === 'postinstall' && process.env.OKR_SKIP_HOSTS === '1') {
  console.log('tests/hosts: OKR_SKIP_HOSTS=1, the extra sandbox hosts and kpi-sim are not installed');
  process.exit(0);
}

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/** Every package the lockfile pins is installed at its version (npm's own record, node_modules/.package-lock.json). */
function upToDate(dir) {
  const installedFile = path.join(dir, 'node_modules/.package-lock.json');
  if (!existsSync(installedFile)) {
    return false;
  }
  const installed = readJson(installedFile).packages ?? {};
  const locked = readJson(path.join(dir, 'package-lock.json')).packages ?? {};
  return Object.entries(locked).every(
    ([key, entry]) => key === '' || entry.optional || installed[key]?.version === entry.version
  );
}

/** The npm that runs this postinstall (npm_execpath), or the one on PATH. */
function npm(args, cwd) {
  const execPath = process.env.npm_execpath;
  return execPath && execPath.endsWith('.js')
    ? spawnSync(process.execPath, [execPath, ...args], { cwd, stdio: 'inherit' })
    : spawnSync('npm', args, { cwd, stdio: 'inherit' });
}

const ROOT = path.resolve(HOSTS, '../..');
const hosts = readdirSync(HOSTS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(path.join(HOSTS, entry.name, 'package-lock.json')))
  .map((entry) => `tests/hosts/${entry.name}`);

for (const name of [...hosts, 'kpi-sim']) {
  const dir = path.join(ROOT, name);
  if (upToDate(dir)) {
    console.log(`${name}: up to date with its package-lock.json`);
    continue;
  }
  console.log(`${name}: npm ci (its own package-lock.json)`);
  const started = Date.now();
  const result = npm(['ci', '--prefix', dir, '--no-audit', '--no-fund'], dir);
  if (result.status !== 0) {
    console.error(`${name}: npm ci failed (exit ${result.status ?? result.signal}); run it again with`);
    console.error(`  npm ci --prefix ${name}`);
    process.exit(1);
  }
  console.log(`${name}: installed in ${Math.round((Date.now() - started) / 1000)} s`);
}
