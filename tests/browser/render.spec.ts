import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { expect, test } from '@playwright/test';

import { BOTH_HOSTS, FIXTURES_DIR, grafanaLine } from './helpers';

const ROOT = path.resolve(__dirname, '../..');

test('npm run render writes a screenshot and a report read from the page', { tag: BOTH_HOSTS }, async () => {
  test.setTimeout(120_000);
  const out = mkdtempSync(path.join(tmpdir(), 'okr-render-'));
  const shot = path.join(out, 'shot.png');
  const reportPath = path.join(out, 'report.json');
  const fixture = path.join(FIXTURES_DIR, 'mrr-q3.json');
  // The project's line, named even when it is the default: the report must say that line rendered it.
  const line = grafanaLine();
  execFileSync(
    'npm',
    ['run', '--silent', 'render', '--', fixture, '--out', shot, '--report', reportPath, '--grafana', line],
    {
      cwd: ROOT,
      stdio: 'pipe',
    }
  );
  const png = readFileSync(shot);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(1200 + 2 * 8 + 2); // IHDR width: the fixture's width inside the panel chrome (padding 8, border 1)
  const report = JSON.parse(readFileSync(reportPath, 'utf8'));
  expect(report.pageErrors).toEqual([]);
  expect(report.keyResults[0]).toMatchObject({ title: 'MRR to 200', current: 154, baseline: 100, target: 200 });
  expect(report.host.grafana.split('.')[0]).toBe(line);
  expect(statSync(shot).size).toBeGreaterThan(5_000);
});

test('npm run render rejects a Grafana line the sandbox does not host, with exit code 2', () => {
  const result = spawnSync(
    'npm',
    ['run', '--silent', 'render', '--', path.join(FIXTURES_DIR, 'mrr-q3.json'), '--grafana', '11'],
    { cwd: ROOT, encoding: 'utf8' }
  );
  expect(result.status).toBe(2);
  expect(result.stderr).toContain('--grafana 11: the sandbox hosts the Grafana lines 12 and 13 only');
});

test('npm run render exits non-zero when the page itself fails', async () => {
  test.setTimeout(120_000);
  const out = mkdtempSync(path.join(tmpdir(), 'okr-render-'));
  const broken = path.join(out, 'broken.json');
  writeFileSync(
    broken,
    JSON.stringify({ options: {}, frames: [{ schema: { fields: 'not a list' } }], timeRange: { from: 'x', to: 'y' } })
  );
  const result = spawnSync('npm', ['run', '--silent', 'render', '--', broken, '--report', path.join(out, 'r.json')], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  expect(result.status).not.toBe(0);
});
