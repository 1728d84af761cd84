/**
 * The provisioned panels rendered where Grafana would render them: each becomes a panel fixture with the
 * frames the stack's real services returned (as DataFrameJSON, field config left to the host, which applies
 * defaults and overrides as Grafana does) and is opened in the Scenes host with the built dist/module.js.
 * A panel passes when the page has no error and shows one summary element per key result the core found.
 * With STACK_SHOTS=<dir>, each panel's screenshot is written there (the README's stack pictures).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';

import { DataFrame, dataFrameToJSON } from '@grafana/data';

import { collectPageErrors, launchChromium, openFixture, readReport } from '../sandbox/browser';
import { startSandbox } from '../sandbox/server';
import type { PanelForProof } from './dashboards';

export interface PanelToRender {
  dashboard: string;
  panel: PanelForProof;
  frames: DataFrame[];
  range: { from: number; to: number };
  /** How many key results the core evaluated for this panel. */
  keyResults: number;
}

const SIZE = { width: 1200, height: 520 };
const WALL_SIZE = { width: 1600, height: 900 };

export async function renderPanels(panels: PanelToRender[], shotsDir?: string): Promise<string[]> {
  const sandbox = await startSandbox();
  const browser = await launchChromium();
  const lines: string[] = [];
  if (shotsDir) {
    mkdirSync(shotsDir, { recursive: true });
  }
  try {
    for (const entry of panels) {
      const size = entry.panel.options?.view === 'wall' ? WALL_SIZE : SIZE;
      const page = await browser.newPage({ viewport: { width: size.width + 40, height: size.height + 40 } });
      try {
        const pageErrors = collectPageErrors(page);
        await openFixture(page, sandbox.url, {
          title: entry.panel.title,
          options: entry.panel.options ?? {},
          fieldConfig: entry.panel.fieldConfig ?? { defaults: {}, overrides: [] },
          frames: entry.frames.map((frame) => dataFrameToJSON(frame)),
          timeRange: { from: new Date(entry.range.from).toISOString(), to: new Date(entry.range.to).toISOString() },
          timeZone: 'utc',
          // As evaluatePanel: a range reaching into the future (this quarter) is judged as of now.
          now: Math.min(entry.range.to, Date.now()),
          theme: 'dark',
          ...size,
        });
        const report = await readReport(page, pageErrors);
        const where = `${entry.dashboard} / ${entry.panel.title}`;
        if (report.pageErrors.length > 0) {
          throw new Error(`${where}: page errors: ${report.pageErrors.join('; ')}`);
        }
        if (report.keyResults.length !== entry.keyResults) {
          throw new Error(
            `${where}: ${report.keyResults.length} key results on the page, the core found ${entry.keyResults}`
          );
        }
        if (shotsDir) {
          const file = path.join(shotsDir, `stack-${slug(entry.dashboard)}-${slug(entry.panel.title)}.png`);
          await page.getByTestId('sandbox-panel').screenshot({ path: file });
        }
        lines.push(`${where}: ${report.keyResults.length} key results rendered, no page error`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
    sandbox.server.closeAllConnections();
    sandbox.server.close();
  }
  return lines;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
}
