import { Browser } from 'playwright-core';

import { launchChromium } from '../browser';
import { SandboxOptions, startSandbox } from '../server';

/** A sandbox server and a headless Chromium for one command, both closed however `run` ends. */
export async function withSandboxBrowser<T>(
  run: (sandboxUrl: string, browser: Browser) => Promise<T>,
  options: SandboxOptions = {}
): Promise<T> {
  const sandbox = await startSandbox(0, options);
  const browser = await launchChromium();
  try {
    return await run(sandbox.url, browser);
  } finally {
    await browser.close();
    sandbox.server.close();
  }
}

/** Runs a command's main: its error is printed and the process exits 1 (a failed screenshot fails the script). */
export function runCommand(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
