import { BuildOptions, Metafile, Plugin } from 'esbuild';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';

/*
 * How the host page is bundled: Grafana's packages as ESM, exactly one copy of each, from the node_modules of
 * the Grafana line the page hosts. The same host source (tests/sandbox/host) is bundled for each line:
 * - '12': the root's node_modules (@grafana/* 12.4, React 18, Scenes 6.57), the packages the plugin is built with;
 * - '13': tests/hosts/grafana13/node_modules (@grafana/* 13, React 19, Scenes 8), its own package-lock.json.
 * The plugin's dist/module.js is the same file on both: it takes React and @grafana/* from the host page.
 */

export const ROOT = path.resolve(__dirname, '../..');

export type GrafanaLine = '12' | '13';
export const GRAFANA_LINES: readonly GrafanaLine[] = ['12', '13'];
export const DEFAULT_GRAFANA_LINE: GrafanaLine = '12';

export function isGrafanaLine(value: string): value is GrafanaLine {
  return (GRAFANA_LINES as readonly string[]).includes(value);
}

export interface HostLine {
  grafana: GrafanaLine;
  /** The directory whose package.json pins the line's packages; the host source's bare imports resolve from it. */
  dir: string;
  nodeModules: string;
}

export function hostLine(grafana: GrafanaLine): HostLine {
  const dir = grafana === '12' ? ROOT : path.join(ROOT, 'tests/hosts/grafana13');
  return { grafana, dir, nodeModules: path.join(dir, 'node_modules') };
}

/** What the host page runs on, as the report and the page tell it (window.__okrSandbox.host). */
export interface HostVersions {
  grafana: string;
  react: string;
  scenes: string;
}

function installedVersion(line: HostLine, name: string): string | undefined {
  const file = path.join(line.nodeModules, name, 'package.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : undefined;
}

const INSTALL_HINT: Record<GrafanaLine, string> = {
  '12': 'run `npm ci` at the root',
  '13': 'run `npm ci --prefix tests/hosts/grafana13` (the root `npm ci` does it too, in its postinstall)',
};

/**
 * The line's packages are installed, at the versions its package.json pins: a missing or stale install fails
 * here with the command that fixes it, never as an odd bundling error or a silently different host.
 */
export function assertHostInstalled(line: HostLine): HostVersions {
  const manifest = JSON.parse(readFileSync(path.join(line.dir, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
  };
  const pins = { ...manifest.dependencies, ...manifest.devDependencies };
  const names = { grafana: '@grafana/data', react: 'react', scenes: '@grafana/scenes' } as const;
  const problems: string[] = [];
  const versions = {} as HostVersions;
  for (const [key, name] of Object.entries(names) as Array<[keyof HostVersions, string]>) {
    const installed = installedVersion(line, name);
    if (installed === undefined) {
      problems.push(`${name} is not installed`);
    } else if (pins[name] !== undefined && pins[name] !== installed) {
      problems.push(`${name} ${installed} is installed, ${pins[name]} is pinned`);
    }
    versions[key] = installed ?? '';
  }
  if (problems.length > 0) {
    const where = path.relative(ROOT, line.nodeModules);
    throw new Error(
      `the Grafana ${line.grafana} host's packages (${where}) are not as pinned: ${problems.join('; ')}. ` +
        `To install them: ${INSTALL_HINT[line.grafana]}.`
    );
  }
  return versions;
}

/** Scenes 6.x's package.json "module" names a file the package lacks: point at its ESM entry. */
export function scenesEntry(nodeModules: string): string {
  return path.join(nodeModules, '@grafana/scenes/dist/esm/packages/scenes/src/index.js');
}

const insideNodeModules = (file: string) => file.split(path.sep).includes('node_modules');

/**
 * The host source's bare imports (react, @grafana/ui, …) resolve from the line's directory, wherever the source
 * lives; imports made inside a node_modules resolve from there, as usual, so every package gets its own line's
 * dependencies. (For the 12 line that directory is the root, which is what plain resolution finds anyway.)
 */
export function hostLinePlugin(line: HostLine): Plugin {
  return {
    name: 'host-line',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => {
        if (args.pluginData === 'host-line' || args.kind === 'entry-point' || insideNodeModules(args.importer)) {
          return undefined;
        }
        return build.resolve(args.path, { kind: args.kind, resolveDir: line.dir, pluginData: 'host-line' });
      });
    },
  };
}

/**
 * Files Grafana's app reaches inside its own packages and no package exports: the host imports them by these
 * names (declared in host/buildTime.d.ts), resolved in the line's node_modules.
 * - setPanelDataErrorView: Grafana's app registers its PanelDataErrorView at start-up; @grafana/runtime exports
 *   the setter only internally (same file in 12.4 and 13.x).
 */
const GRAFANA_INTERNALS: Record<string, string> = {
  'grafana-internal/runtime/PanelDataErrorView': '@grafana/runtime/dist/esm/components/PanelDataErrorView.mjs',
};

export function grafanaInternalsPlugin(line: HostLine): Plugin {
  return {
    name: 'grafana-internals',
    setup(build) {
      build.onResolve({ filter: /^grafana-internal\// }, (args) => {
        const target = GRAFANA_INTERNALS[args.path];
        const file = target && path.join(line.nodeModules, target);
        if (!file || !existsSync(file)) {
          return { errors: [{ text: `${args.path}: no such Grafana internal file in ${line.nodeModules}` }] };
        }
        // Through symlinks, as esbuild resolves the package's own imports: one module, not two copies of it.
        return { path: realpathSync(file) };
      });
    },
  };
}

/**
 * - Scenes' SceneApp imports react-router v6 names; Grafana 12 and 13 run react-router-dom 5 with its v6 API from
 *   react-router-dom-v5-compat, which is what Scenes gets here too (resolved in the line's node_modules).
 * - 12 line only: PanelBuilders.table() imports table defaults @grafana/schema 12.4 dropped: a shim adds the
 *   name. @grafana/schema 13 exports them again (through its package.json "exports"), so 13 needs no shim.
 */
export function scenesCompatPlugin(line: HostLine): Plugin {
  const fromScenes = (importer: string) => importer.includes(`${path.sep}@grafana${path.sep}scenes${path.sep}`);
  return {
    name: 'scenes-compat',
    setup(build) {
      build.onResolve({ filter: /^react-router-dom$/ }, (args) =>
        fromScenes(args.importer)
          ? build.resolve('react-router-dom-v5-compat', { kind: args.kind, resolveDir: line.nodeModules })
          : undefined
      );
      if (line.grafana === '12') {
        build.onResolve({ filter: /table\/panelcfg\/x\/TablePanelCfg_types\.gen$/ }, (args) =>
          fromScenes(args.importer) ? { path: path.join(ROOT, 'tests/sandbox/host/shims/tablePanelCfg.ts') } : undefined
        );
      }
    },
  };
}

/** A second @grafana/runtime (a CJS copy) would never see the host's setters: fail the build instead. */
export function assertSingleGrafanaCopies(metafile: Metafile) {
  const cjs = Object.keys(metafile.inputs).filter((input) => /@grafana\/[^/]+\/dist\/(cjs|index\.js)/.test(input));
  if (cjs.length > 0) {
    throw new Error(`the host bundle holds CommonJS copies of Grafana packages: ${cjs.slice(0, 5).join(', ')}`);
  }
}

/**
 * Every package in the bundle comes from the line's node_modules: the 13 host holds nothing from the root's
 * (React 18 or @grafana/* 12 there would be a host that is half 12), the 12 host nothing from tests/hosts.
 * React and @grafana/data must be there, from the line (the check is not vacuous).
 */
export function assertInputsFromLine(metafile: Metafile, line: HostLine) {
  // Metafile paths are relative to absWorkingDir (ROOT, see hostBuildOptions), through symlinks resolved.
  const own = path.relative(ROOT, realpathSync(line.nodeModules)).split(path.sep).join('/') + '/';
  const packages = Object.keys(metafile.inputs).filter((input) => input.split('/').includes('node_modules'));
  const foreign = packages.filter((input) => !input.startsWith(own));
  if (foreign.length > 0) {
    const grafanaOrReact = foreign.filter((input) => /node_modules\/(@grafana\/|react\/|react-dom\/)/.test(input));
    const shown = (grafanaOrReact.length > 0 ? grafanaOrReact : foreign).slice(0, 5).join(', ');
    throw new Error(`the Grafana ${line.grafana} host bundle holds packages from outside ${own}: ${shown}`);
  }
  for (const required of ['react/', '@grafana/data/']) {
    if (!packages.some((input) => input.startsWith(own + required))) {
      throw new Error(`the Grafana ${line.grafana} host bundle holds no ${required.slice(0, -1)} from ${own}`);
    }
  }
}

export function hostBuildOptions(
  line: HostLine,
  versions: HostVersions
): Pick<BuildOptions, 'alias' | 'plugins' | 'define' | 'absWorkingDir'> {
  return {
    absWorkingDir: ROOT,
    alias: line.grafana === '12' ? { '@grafana/scenes': scenesEntry(line.nodeModules) } : {},
    plugins: [grafanaInternalsPlugin(line), scenesCompatPlugin(line), hostLinePlugin(line)],
    // The host source reads its line from the build, never from a hard-coded version (host/buildTime.d.ts).
    // Strings, which esbuild inlines (an object would become a module initialised in every file).
    define: {
      __GRAFANA_VERSION__: JSON.stringify(versions.grafana),
      __SCENES_VERSION__: JSON.stringify(versions.scenes),
    },
  };
}
