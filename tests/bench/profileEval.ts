/**
 * The bench's cold 1M-point, 10-key-result evaluation in a loop, for a CPU profile (never a timed test):
 * `npx tsx --cpu-prof --cpu-prof-dir=/tmp/prof tests/bench/profileEval.ts`. Prints the median.
 */
import './dom';
import { performance } from 'perf_hooks';
import * as grafana from '@grafana/data';
import { evaluate } from '../../src/okr';
import { makeFrame, makeSeries, run } from './evalCase';

const series = makeSeries(1_000_000);
const samples: number[] = [];
for (let i = 0; i < 25; i++) {
  const frames = [makeFrame(grafana, { times: series.times.slice(), values: series.values.slice() })];
  const started = performance.now();
  run(evaluate, frames);
  if (i >= 5) {
    samples.push(performance.now() - started);
  }
}
samples.sort((a, b) => a - b);
console.log(`median ${samples[samples.length >> 1].toFixed(2)} ms, min ${samples[0].toFixed(2)} ms`);
