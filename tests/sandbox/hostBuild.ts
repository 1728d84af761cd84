import { BuildOptions, Metafile, Plugin } from 'esbuild';
import path from 'node:path';

/*
 * How the host page is bundled: Grafana's packages as ESM, exactly one copy of each. The fixes below are for
 * @grafana/scenes 6.x, whose published package is built for Grafana's own webpack setup.
 */

export const ROOT = path.resolve(__dirname, '../..');

/** Scenes 6.x's package.json "module" names a file the package lacks: point at its ESM entry. */
export function scenesEntry(nodeModules: string): string {
  return path.join(nodeModules, '@grafana/scenes/dist/esm/packages/scenes/src/index.js');
}

/**
 * - Scenes' SceneApp imports react-router v6 names; Grafana 12 runs react-router-dom 5 with its v6 API from
 *   react-router-dom-v5-compat, which is what Scenes gets here too.
 * - PanelBuilders.table() imports table defaults @grafana/schema 12.4 dropped: a shim adds the name.
 */
export function scenesCompatPlugin(nodeModules: string): Plugin {
  const fromScenes = (importer: string) => importer.includes(`${path.sep}@grafana${path.sep}scenes${path.sep}`);
  return {
    name: 'scenes-compat',
    setup(build) {
      build.onResolve({ filter: /^react-router-dom$/ }, (args) =>
        fromScenes(args.importer)
          ? build.resolve('react-router-dom-v5-compat', { kind: args.kind, resolveDir: nodeModules })
          : undefined
      );
      build.onResolve({ filter: /table\/panelcfg\/x\/TablePanelCfg_types\.gen$/ }, (args) =>
        fromScenes(args.importer) ? { path: path.join(ROOT, 'tests/sandbox/host/shims/tablePanelCfg.ts') } : undefined
      );
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

export function hostBuildOptions(nodeModules: string): Pick<BuildOptions, 'alias' | 'plugins'> {
  return {
    alias: { '@grafana/scenes': scenesEntry(nodeModules) },
    plugins: [scenesCompatPlugin(nodeModules)],
  };
}
