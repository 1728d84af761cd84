import { spawnSync } from 'node:child_process';
import path from 'node:path';

/*
 * npm run compat: Grafana's levitate compares the APIs src/module.ts uses in the installed @grafana packages
 * with the latest published ones, so an API Grafana removed or changed fails CI.
 *
 * Levitate also reports a declaration that only changed kind — `interface AxisProps` became
 * `type AxisProps = …` in Grafana 13 — as "Parameter type changed: -AxisProps +type AxisProps". That is
 * not a change a plugin can observe, so such findings are listed but do not fail; anything else does.
 */

const ROOT = path.resolve(__dirname, '../..');
const TARGETS = ['@grafana/data@latest', '@grafana/ui@latest', '@grafana/runtime@latest'];

export interface Finding {
  text: string;
  benign: boolean;
}

/** Splits levitate's report into findings ("1) Changed `X` used in …" blocks). */
export function parseFindings(report: string): Finding[] {
  const blocks = report.split(/\n(?=\s*\d+\) )/).filter((block) => /^\s*\d+\) /.test(block));
  return blocks.map((block) => {
    const text = block.split(/\n(?=Comparing |\S.*is not fully compatible)/)[0].trim();
    return { text, benign: isKindOnlyChange(text) };
  });
}

function isKindOnlyChange(block: string): boolean {
  const removed = block.match(/^-(?!\s*Removed)(\w+)\s*$/m);
  const added = block.match(/^\+type (\w+)\s*$/m);
  const diffLines = block.split('\n').filter((line) => /^[+-]/.test(line) && !line.startsWith('+ Added'));
  return Boolean(removed && added && removed[1] === added[1] && diffLines.length === 2);
}

function main(): number {
  const result = spawnSync(
    'npx',
    ['levitate', 'is-compatible', '--path', 'src/module.ts', '--target', TARGETS.join(',')],
    {
      cwd: ROOT,
      encoding: 'utf8',
    }
  );
  const report = `${result.stdout}\n${result.stderr}`.replace(/\u001b\[[0-9;]*m/g, '');
  if (result.status === 0) {
    console.log('levitate: compatible with', TARGETS.join(', '));
    return 0;
  }
  const findings = parseFindings(report);
  if (findings.length === 0) {
    console.error(report);
    console.error('levitate failed without findings we can read (see its output above)');
    return 1;
  }
  const real = findings.filter((finding) => !finding.benign);
  for (const finding of findings) {
    console.log(
      `${finding.benign ? 'ok (interface became a type alias)' : 'INCOMPATIBLE'}: ${finding.text.split('\n')[0]}`
    );
  }
  console.log(
    `levitate: ${real.length} incompatible, ${findings.length - real.length} kind-only changes against ${TARGETS.join(', ')}`
  );
  if (real.length > 0) {
    real.forEach((finding) => console.error(finding.text));
  }
  return real.length > 0 ? 1 : 0;
}

if (require.main === module) {
  process.exit(main());
}
