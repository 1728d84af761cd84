import { Browser, chromium, Page } from 'playwright-core';

/*
 * Headless Debian Chromium, driven by playwright-core. Nothing here downloads a browser: the executable is
 * /usr/bin/chromium unless CHROMIUM_PATH says otherwise.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface KeyResultReport {
  title: string;
  status: string;
  progress: number | null;
  expected: number | null;
  current: number | null;
  baseline: number | null;
  target: number | null;
  breachCount: number | null;
  breachSeconds: number | null;
  /** The period the key result resolved to, epoch ms, end exclusive. */
  periodStart: number | null;
  periodEnd: number | null;
  noDataSeconds: number | null;
  /** Time with no target in force (targets that change over time); 0 for a plain target. */
  noTargetSeconds: number | null;
}

export interface RenderReport {
  keyResults: KeyResultReport[];
  messages: string[];
  pageErrors: string[];
  /** The host that rendered it, as the page says: Grafana's version, React's, Scenes'. */
  host: { grafana: string; react: string; scenes: string } | null;
}

/** Collects uncaught exceptions and console errors from the moment the page opens. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    // A failed resource load is reported with its URL by the response handler below.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      errors.push(message.text());
    }
  });
  page.on('response', (response) => {
    if (response.status() >= 400) {
      errors.push(`HTTP ${response.status()} for ${response.url()}`);
    }
  });
  return errors;
}

/** Opens the sandbox with a fixture injected before any script runs, and waits until the panel has drawn. */
export async function openFixture(page: Page, baseUrl: string, fixture: unknown, query = 'editor=0'): Promise<void> {
  await page.addInitScript((value) => {
    (window as unknown as { __OKR_FIXTURE__: unknown }).__OKR_FIXTURE__ = value;
  }, fixture);
  await page.goto(`${baseUrl}/?${query}`);
  await waitForSandbox(page);
}

/**
 * Waits until the host page exists and has finished: ready or failed. The host's state object is created by
 * its first script, so "not loading" alone would also be true before that script ran.
 */
export async function waitForSandbox(page: Page): Promise<void> {
  const handle = await page.waitForFunction(
    () => {
      const sandbox = window.__okrSandbox;
      return sandbox !== undefined && sandbox.state !== 'loading'
        ? { state: sandbox.state, error: sandbox.error }
        : null;
    },
    undefined,
    { timeout: 30_000 }
  );
  const { state, error } = (await handle.jsonValue())!;
  if (state === 'error') {
    throw new Error(`sandbox failed: ${error ?? 'no message'}`);
  }
}

/**
 * Waits until every icon on the page has its drawing: Grafana's Icon renders an empty <svg> and fills it
 * when the icon's file has loaded, which can be seconds after the network went idle. For screenshots, so
 * best effort: after 10 s the picture is taken as it is.
 */
export async function waitForIcons(page: Page): Promise<void> {
  await page
    .waitForFunction(() => [...document.querySelectorAll('svg')].every((svg) => svg.childElementCount > 0), undefined, {
      timeout: 10_000,
    })
    .catch(() => undefined);
}

/** The report is read from the rendered page: the summary elements' data-* attributes and visible messages. */
export async function readReport(page: Page, pageErrors: string[]): Promise<RenderReport> {
  // Only plain data crosses into the page: functions defined here would not exist there.
  const summaries = await page
    .locator('[data-testid="okr-kr-summary"]')
    .evaluateAll((elements) => elements.map((element) => ({ ...(element as HTMLElement).dataset })));
  const messageTexts = await page
    .locator('[data-testid="okr-message"], [data-testid="data-testid Panel data error message"]')
    .allTextContents();
  const host = await page.evaluate(() => window.__okrSandbox?.host ?? null);
  return {
    keyResults: summaries.map(keyResultFromDataset),
    messages: Array.from(new Set(messageTexts.map((text) => text.trim()).filter(Boolean))),
    pageErrors: [...pageErrors],
    host,
  };
}

function keyResultFromDataset(dataset: Record<string, string | undefined>): KeyResultReport {
  return {
    title: dataset.title ?? '',
    status: dataset.status ?? '',
    progress: numberOrNull(dataset.progress),
    expected: numberOrNull(dataset.expected),
    current: numberOrNull(dataset.current),
    baseline: numberOrNull(dataset.baseline),
    target: numberOrNull(dataset.target),
    breachCount: numberOrNull(dataset.breachCount),
    breachSeconds: numberOrNull(dataset.breachSeconds),
    periodStart: numberOrNull(dataset.periodStart),
    periodEnd: numberOrNull(dataset.periodEnd),
    noDataSeconds: numberOrNull(dataset.noDataSeconds),
    noTargetSeconds: numberOrNull(dataset.noTargetSeconds),
  };
}

function numberOrNull(text: string | undefined): number | null {
  return text === undefined || text === '' ? null : Number(text);
}
