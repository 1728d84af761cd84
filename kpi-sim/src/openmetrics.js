/**
 * Backfill for Prometheus: OpenMetrics text with timestamps, split by week, for
 * `promtool tsdb create-blocks-from openmetrics FILE DATA_DIR` (one run per file).
 *
 * Why by week: promtool reads its input once per block window, so its time grows with the file's span
 * times its size — one 2-quarter file took 14 min, the same samples in weekly files 53 s.
 * Each file holds every family once (OpenMetrics wants a family's samples together), each series' samples
 * in time order, and ends with `# EOF`. Samples carry the labels a live scrape adds (job, instance), so the
 * backfilled and scraped samples are one series.
 */
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';

const WEEK = 7 * 86400;

export const escapeLabel = (value) => String(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export function formatLabels(labels) {
  const parts = Object.entries(labels).map(([key, value]) => `${key}="${escapeLabel(value)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

/** Compact but exact enough: 10 significant digits. */
export const formatValue = (value) => String(Number(value.toPrecision(10)));

/** [from, to) in whole weeks from `from`; the last one shorter. */
export function weeks(from, to) {
  const spans = [];
  for (let start = from; start < to; start += WEEK) {
    spans.push({ from: start, to: Math.min(start + WEEK, to) });
  }
  return spans;
}

async function writeLines(stream, lines) {
  if (!stream.write(lines.join(''))) {
    await once(stream, 'drain');
  }
}

/**
 * Sample times in [from, to): every `step` seconds, and every `fineStep` seconds in the last `fineSeconds`
 * (so a quarter stays small while the last days have the resolution an ops panel's short range needs).
 */
export function sampleTimes({ from, to, step, fineStep = step, fineSeconds = 0 }) {
  const fineFrom = Math.max(from, Math.ceil((to - fineSeconds) / step) * step);
  const times = [];
  for (let t = Math.ceil(from / step) * step; t < fineFrom; t += step) {
    times.push(t);
  }
  for (let t = Math.ceil(fineFrom / fineStep) * fineStep; t < to; t += fineStep) {
    times.push(t);
  }
  return times;
}

/**
 * Writes DIR/kpi-sim-<from>.om per week of [from, to) (seconds), samples at sampleTimes(…) per series.
 * Returns the files and how many samples they hold.
 */
export async function writeBackfill({ sampler, from, to, step, fineStep, fineSeconds, dir, labels = {} }) {
  await mkdir(dir, { recursive: true });
  const all = sampleTimes({ from, to, step, fineStep, fineSeconds });
  const files = [];
  let samples = 0;
  for (const span of weeks(from, to)) {
    const times = all.filter((t) => t >= span.from && t < span.to);
    if (times.length === 0) {
      continue;
    }
    const columns = times.map((t) => sampler.valuesAt(t));
    const file = path.join(dir, `kpi-sim-${new Date(span.from * 1000).toISOString().slice(0, 19).replace(/:/g, '')}Z.om`);
    const stream = createWriteStream(file);
    let index = 0;
    for (const family of sampler.families) {
      await writeLines(stream, [`# HELP ${family.name} ${family.help}\n`, `# TYPE ${family.name} ${family.type}\n`]);
      for (const series of family.series) {
        const head = `${series.sample}${formatLabels({ ...series.labels, ...labels })} `;
        const lines = times.map((t, k) => `${head}${formatValue(columns[k][index])} ${t}\n`);
        await writeLines(stream, lines);
        samples += times.length;
        index++;
      }
    }
    stream.end('# EOF\n');
    await once(stream, 'finish');
    files.push(file);
  }
  return { files, samples };
}
