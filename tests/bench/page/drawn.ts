/*
 * "Drawn", for both bench pages (tests/sandbox/host/bench.tsx, which explains the timings, and the peers' page):
 * the action runs, then uPlot's next draw of its canvas — counted by a wrapper of the full-canvas clearRect every
 * uPlot draw starts with, for both sides alike — then one macrotask turn, a forced layout and a 1×1
 * getImageData on every canvas, which rasterises the queued canvas commands. Idle after, so background work
 * (the collector) lands in no timed step, and any later draw is counted.
 */
const stage = () => document.getElementById('stage')!;

const channel = new MessageChannel();
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}
export const idle = () => new Promise((resolve) => setTimeout(resolve, 100));

let draws = 0;
let onDraw: (() => void) | null = null;
const clearRect = CanvasRenderingContext2D.prototype.clearRect;
CanvasRenderingContext2D.prototype.clearRect = function (x: number, y: number, w: number, h: number) {
  clearRect.call(this, x, y, w, h);
  if (x === 0 && y === 0 && w === this.canvas.width && h === this.canvas.height) {
    draws++;
    onDraw?.();
  }
};

export async function timeUntilDrawn(action: () => void): Promise<{ ms: number; drawsAfter: number }> {
  const before = draws;
  let timer = 0;
  const drawStarted = new Promise<void>((resolve, reject) => {
    onDraw = resolve;
    timer = window.setTimeout(() => reject(new Error('no uPlot draw within 30 s')), 30_000);
  });
  const started = performance.now();
  action();
  if (draws === before) {
    await drawStarted;
  }
  clearTimeout(timer);
  onDraw = null;
  await nextTask();
  stage().getBoundingClientRect();
  for (const canvas of stage().querySelectorAll('canvas')) {
    canvas.getContext('2d')!.getImageData(0, 0, 1, 1);
  }
  const ms = performance.now() - started;
  const drawn = draws;
  await idle();
  return { ms, drawsAfter: draws - drawn };
}
