import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { collectPageErrors, openFixture, readReport, waitForIcons } from '../browser';
import { DEFAULT_GRAFANA_LINE, GRAFANA_LINES, GrafanaLine, isGrafanaLine } from '../hostBuild';
import { withSandboxBrowser } from './session';

/*
 * npm run render -- <fixture.json> --out <shot.png> --report <report.json> [--grafana 12|13]
 * Renders a panel fixture through the built dist/module.js in headless Chromium, hosted by the Grafana line
 * --grafana names (default 12; 13 = tests/hosts/grafana13). Exit 0 when the page rendered (even if the panel
 * shows a data message), 1 when the page itself failed, 2 on bad arguments.
 */

interface RenderArgs {
  fixture: string;
  out?: string;
  report?: string;
  grafana: GrafanaLine;
}

const USAGE = `usage: npm run render -- <fixture.json> [--out shot.png] [--report report.json] [--grafana ${GRAFANA_LINES.join('|')}]`;

function parseArgs(argv: string[]): RenderArgs {
  const args: Partial<RenderArgs> = { grafana: DEFAULT_GRAFANA_LINE };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--out' || arg === '--report') {
      args[arg.slice(2) as 'out' | 'report'] = argv[++i];
    } else if (arg === '--grafana') {
      const line = argv[++i] ?? '';
      if (!isGrafanaLine(line)) {
        throw new Error(
          `--grafana ${line || '(missing)'}: the sandbox hosts the Grafana lines ${GRAFANA_LINES.join(' and ')} only`
        );
      }
      args.grafana = line;
    } else if (!arg.startsWith('--') && !args.fixture) {
      args.fixture = arg;
    } else {
      throw new Error(`unknown argument ${arg}`);
    }
  }
  if (!args.fixture) {
    throw new Error(USAGE);
  }
  return args as RenderArgs;
}

async function render({ fixture: fixturePath, out, report: reportPath, grafana }: RenderArgs): Promise<number> {
  const fixture = JSON.parse(readFileSync(path.resolve(fixturePath), 'utf8'));
  return withSandboxBrowser(
    async (sandboxUrl, browser) => {
      const page = await browser.newPage({
        viewport: { width: (fixture.width ?? 1000) + 40, height: (fixture.height ?? 500) + 40 },
      });
      const pageErrors = collectPageErrors(page);
      await openFixture(page, sandboxUrl, fixture);
      if (out) {
        await waitForIcons(page);
        await page.getByTestId('sandbox-panel').screenshot({ path: path.resolve(out) });
      }
      const report = await readReport(page, pageErrors);
      const json = JSON.stringify(report, null, 2);
      if (reportPath) {
        writeFileSync(path.resolve(reportPath), json + '\n');
      } else {
        console.log(json);
      }
      return 0;
    },
    { grafana }
  );
}

let args: RenderArgs;
try {
  args = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
}
render(args).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`render failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
);
