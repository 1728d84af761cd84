/**
 * What Grafana's plugin catalog shows from the package: plugin.json's info.links (at least one, each a name
 * and an absolute URL), and dist/'s Markdown (README, CHANGELOG) and plugin.json whose relative links and
 * images must resolve inside dist/ — a README image pointing at src/img/… is broken once packaged.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function pluginJsonLinkProblems(pluginJsonFile: string): string[] {
  const links = JSON.parse(readFileSync(pluginJsonFile, 'utf8')).info?.links;
  if (!Array.isArray(links) || links.length === 0) {
    return [`${pluginJsonFile}: info.links is empty`];
  }
  return links
    .filter((l: { name?: unknown; url?: unknown }) => typeof l.name !== 'string' || !/^https:\/\//.test(String(l.url)))
    .map((l: unknown) => `${pluginJsonFile}: info.links entry ${JSON.stringify(l)} needs a name and an https url`);
}

/** Relative targets of Markdown links and images, and of HTML src/href attributes. */
export function relativeTargets(markdown: string): string[] {
  const withoutCode = markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  const targets = [
    ...[...withoutCode.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
    ...[...withoutCode.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((m) => m[1]),
  ];
  return targets
    .filter((t) => !/^([a-z][a-z0-9+.-]*:|#|\/\/)/i.test(t))
    .map((t) => decodeURIComponent(t.split('#')[0]));
}

export function distLinkProblems(distDir: string): string[] {
  if (!existsSync(path.join(distDir, 'plugin.json'))) {
    return [`${distDir}: no plugin.json; run npm run build first`];
  }
  const problems: string[] = [];
  for (const file of readdirSync(distDir).filter((f) => f.endsWith('.md'))) {
    for (const target of relativeTargets(readFileSync(path.join(distDir, file), 'utf8'))) {
      if (target && !existsSync(path.join(distDir, target))) {
        problems.push(`dist/${file}: link ${target} does not exist in dist/`);
      }
    }
  }
  const info = JSON.parse(readFileSync(path.join(distDir, 'plugin.json'), 'utf8')).info ?? {};
  const paths = [
    info.logos?.small,
    info.logos?.large,
    ...(info.screenshots ?? []).map((s: { path: string }) => s.path),
  ];
  for (const target of paths.filter(Boolean)) {
    if (!existsSync(path.join(distDir, target))) {
      problems.push(`dist/plugin.json: ${target} does not exist in dist/`);
    }
  }
  return problems.concat(pluginJsonLinkProblems(path.join(distDir, 'plugin.json')));
}
