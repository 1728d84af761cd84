import { build } from 'esbuild';
import { createReadStream, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import path from 'node:path';

import {
  assertHostInstalled,
  assertInputsFromLine,
  assertSingleGrafanaCopies,
  DEFAULT_GRAFANA_LINE,
  GrafanaLine,
  hostBuildOptions,
  HostLine,
  hostLine,
  HostVersions,
  ROOT,
} from './hostBuild';

/*
 * The sandbox server: bundles the host page (tests/sandbox/host) with esbuild and serves it beside the
 * plugin's BUILT dist/, Grafana's icons and fonts, and the panel fixtures. It never bundles the plugin's source.
 * Every server builds into its own directory, so renders, tests and the demo can run at the same time.
 * `grafana` picks the Grafana line the page hosts (hostBuild.ts): the same host source and the same dist/module.js.
 */

export { ROOT };
export type { GrafanaLine, HostVersions };
const BUILDS = path.join(ROOT, 'tests/sandbox/.build');

export interface SandboxOptions {
  /** Also build the render benchmark's pages (/bench.html, tests/bench/render.ts; /peer.html, tests/bench/peer.ts). */
  bench?: boolean;
  /** The Grafana line to host: '12' (the root's packages, the default) or '13' (tests/hosts/grafana13). */
  grafana?: GrafanaLine;
}

/** Bundles the host page into `outdir`. */
export async function buildHost(
  outdir: string,
  { bench = false, grafana = DEFAULT_GRAFANA_LINE }: SandboxOptions = {}
): Promise<HostVersions> {
  const line = hostLine(grafana);
  const versions = assertHostInstalled(line);
  const { define, ...lineOptions } = hostBuildOptions(line, versions);
  const common = {
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2020',
    jsx: 'automatic',
    loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file', '.png': 'file' },
    logLevel: 'warning',
    sourcemap: false,
    metafile: true,
    ...lineOptions,
  } as const;
  const builds = [
    build({
      ...common,
      entryPoints: [path.join(ROOT, 'tests/sandbox/host/main.tsx')],
      outdir,
      define: { ...define, 'process.env.NODE_ENV': '"development"', global: 'window' },
    }),
  ];
  if (bench) {
    // Production React, as in Grafana, so the timings do not include React's development checks.
    builds.push(
      build({
        ...common,
        entryPoints: [path.join(ROOT, 'tests/sandbox/host/bench.tsx')],
        outdir: path.join(outdir, 'bench'),
        define: { ...define, 'process.env.NODE_ENV': '"production"', global: 'window' },
      }),
      // The peers' page (/peer.html, tests/bench/peer.ts): Grafana's TimeSeries, and the breach-heavy panel.
      build({
        ...common,
        entryPoints: [path.join(ROOT, 'tests/bench/page/peer.tsx')],
        outdir: path.join(outdir, 'peer'),
        define: { ...define, 'process.env.NODE_ENV': '"production"', global: 'window' },
      })
    );
  }
  const results = await Promise.all(builds);
  results.forEach((result) => {
    assertInputsFromLine(result.metafile, line);
    assertSingleGrafanaCopies(result.metafile);
  });
  return versions;
}

export function assertPluginBuilt(): void {
  if (!existsSync(path.join(ROOT, 'dist/module.js'))) {
    throw new Error('dist/module.js is missing: run `npm run build` first (the sandbox serves the built plugin)');
  }
}

/** Starts the sandbox on 127.0.0.1 (port 0 = any free port); resolves with its base URL. */
export async function startSandbox(
  port = 0,
  options: SandboxOptions = {}
): Promise<{ url: string; server: Server; buildDir: string; host: HostVersions }> {
  assertPluginBuilt();
  mkdirSync(BUILDS, { recursive: true });
  const line = hostLine(options.grafana ?? DEFAULT_GRAFANA_LINE);
  const hostOut = mkdtempSync(path.join(BUILDS, `host${line.grafana}-`));
  const routes = sandboxRoutes(hostOut, line);
  let host: HostVersions;
  try {
    host = await buildHost(hostOut, options);
  } catch (error) {
    rmSync(hostOut, { recursive: true, force: true });
    throw error;
  }
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const file = resolveFile(routes, decodeURIComponent(url.pathname));
    if (!file) {
      response.writeHead(404).end('not found');
      return;
    }
    response.writeHead(200, {
      'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  // Removed when the server closes; a killed process leaves it behind in .build (gitignored).
  server.on('close', () => rmSync(hostOut, { recursive: true, force: true }));
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const { port: actual } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${actual}`, server, buildDir: hostOut, host };
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** URL prefix → the directory it serves; when several prefixes match, the first that has the file wins. */
type Routes = Array<[prefix: string, directory: string]>;

function sandboxRoutes(hostOut: string, line: HostLine): Routes {
  return [
    ['/host/', hostOut],
    ['/dist/', path.join(ROOT, 'dist')],
    // Icons come from the hosted line's packages, as each Grafana serves its own.
    ['/public/build/img/icons/', path.join(line.nodeModules, '@grafana/ui/dist/public/img/icons')],
    // @grafana/ui ships only the icons it draws itself; Grafana's app serves the whole Unicons line set,
    // which Grafana's time picker (angle-double-left) and others ask for.
    ['/public/build/img/icons/unicons/', path.join(line.nodeModules, '@iconscout/unicons/svg/line')],
    // Grafana's own mono icons are app files, not on npm; the panel header's "Streaming" dot is a plain circle.
    ['/public/build/img/icons/mono/', path.join(ROOT, 'tests/sandbox/icons/mono')],
    ['/fixtures/', path.join(ROOT, 'tests/fixtures')],
  ];
}

/** Grafana ships Inter and Roboto Mono in public/fonts; the sandbox serves the same faces from @fontsource. */
const grafanaFonts: Record<string, string> = {
  '/public/fonts/inter/Inter-Regular.woff2': '@fontsource/inter/files/inter-latin-400-normal.woff2',
  '/public/fonts/inter/Inter-Medium.woff2': '@fontsource/inter/files/inter-latin-500-normal.woff2',
  '/public/fonts/inter/Inter-Italic.woff2': '@fontsource/inter/files/inter-latin-400-italic.woff2',
  '/public/fonts/inter/Inter-MediumItalic.woff2': '@fontsource/inter/files/inter-latin-500-italic.woff2',
  '/public/fonts/roboto/L0xTDF4xlVMF-BfR8bXMIhJHg45mwgGEFl0_3vrtSM1J-gEPT5Ese6hmHSh0mQ.woff2':
    '@fontsource/roboto-mono/files/roboto-mono-latin-400-normal.woff2',
};

const pages: Record<string, string> = {
  '/': 'tests/sandbox/index.html',
  '/index.html': 'tests/sandbox/index.html',
  '/bench.html': 'tests/sandbox/bench.html',
  '/peer.html': 'tests/bench/page/peer.html',
};

function resolveFile(routes: Routes, pathname: string): string | null {
  if (Object.hasOwn(pages, pathname)) {
    return path.join(ROOT, pages[pathname]);
  }
  if (Object.hasOwn(grafanaFonts, pathname)) {
    return path.join(ROOT, 'node_modules', grafanaFonts[pathname]);
  }
  for (const [prefix, directory] of routes) {
    if (pathname.startsWith(prefix)) {
      const file = path.resolve(directory, '.' + pathname.slice(prefix.length - 1));
      // Never serve outside the route's directory.
      if (file.startsWith(directory + path.sep) && existsSync(file) && statSync(file).isFile()) {
        return file;
      }
    }
  }
  return null;
}
