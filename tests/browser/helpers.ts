import { readFileSync } from 'node:fs';
import path from 'node:path';

import { Page, test } from '@playwright/test';

import { collectPageErrors, openFixture, readReport, RenderReport } from '../sandbox/browser';
import { GrafanaLine, isGrafanaLine } from '../sandbox/hostBuild';
import { PanelFixture } from '../sandbox/host/fixture';

export const FIXTURES_DIR = path.resolve(__dirname, '../fixtures');

/**
 * The tag of the key flows that run on every Grafana line the sandbox hosts (the grafana13 project runs only
 * these; grafana12 runs everything): `test('…', { tag: BOTH_HOSTS }, async …)`.
 */
export const BOTH_HOSTS = '@both-hosts';

/** The Grafana line the running test's project hosts (tests/playwright.config.ts, project metadata). */
export function grafanaLine(): GrafanaLine {
  const line = String(test.info().project.metadata?.grafana ?? '');
  if (!isGrafanaLine(line)) {
    throw new Error(`project ${test.info().project.name} names no Grafana line in metadata.grafana`);
  }
  return line;
}

/** The sandbox of the running project's Grafana line, which globalSetup started. */
export function sandboxUrl(): string {
  const line = grafanaLine();
  const error = process.env[`SANDBOX_ERROR_${line}`];
  if (error) {
    throw new Error(`the Grafana ${line} sandbox did not start: ${error}`);
  }
  const url = process.env[`SANDBOX_URL_${line}`];
  if (!url) {
    throw new Error(
      `SANDBOX_URL_${line} is not set: run through tests/playwright.config.ts (its globalSetup starts the sandboxes)`
    );
  }
  return url;
}

export function loadFixture(name: string): PanelFixture {
  return JSON.parse(readFileSync(path.join(FIXTURES_DIR, name), 'utf8'));
}

/** Opens a fixture in the sandbox and returns a function that reads the render report off the page. */
export async function renderFixture(
  page: Page,
  fixture: PanelFixture,
  query = 'editor=0'
): Promise<() => Promise<RenderReport>> {
  const pageErrors = collectPageErrors(page);
  await openFixture(page, sandboxUrl(), fixture, query);
  return () => readReport(page, pageErrors);
}

/** Plot geometry and canvas pixels, for tests of what the overlays draw. */
export interface Geometry {
  left: number;
  top: number;
  width: number;
  height: number;
  xMin: number;
  xMax: number;
}

export async function plotGeometry(page: Page): Promise<Geometry> {
  const data = await page
    .locator('.uplot')
    .first()
    .evaluate((root) => ({ ...(root as HTMLElement).dataset }));
  const box = (await page.locator('.uplot .u-over').first().boundingBox())!;
  return {
    left: box.x,
    top: box.y,
    width: Number(data.plotWidth),
    height: Number(data.plotHeight),
    xMin: Number(data.xMin),
    xMax: Number(data.xMax),
  };
}

export function xOf(geometry: Geometry, time: number): number {
  return geometry.left + ((time - geometry.xMin) / (geometry.xMax - geometry.xMin)) * geometry.width;
}

/** The RGBA pixels of a 3 px vertical strip of the plot's canvas, its whole height. */
export async function stripPixels(page: Page, x: number): Promise<number[][]> {
  const data = await page
    .locator('.uplot canvas')
    .first()
    .evaluate((canvas: HTMLCanvasElement, cssX) => {
      const rect = canvas.getBoundingClientRect();
      const ratio = canvas.width / rect.width;
      const px = Math.round((cssX - rect.left) * ratio);
      return Array.from(canvas.getContext('2d')!.getImageData(px - 1, 0, 3, canvas.height).data);
    }, x);
  return Array.from({ length: data.length / 4 }, (_, i) => data.slice(4 * i, 4 * i + 4));
}

/** Share of pixels in the strip whose colour is red-dominant (Grafana's error and warning hues). */
export async function redShareInStrip(page: Page, x: number): Promise<number> {
  const pixels = await stripPixels(page, x);
  return pixels.filter(([red, green, blue]) => red > green + 20 && red > blue + 20).length / pixels.length;
}
