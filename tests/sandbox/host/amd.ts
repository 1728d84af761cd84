/*
 * Loads the plugin's built dist/module.js the way Grafana does: as an anonymous AMD module whose
 * dependencies (react, @grafana/*, …) are supplied by the host. Anything the module asks for that the host
 * does not provide is an error, exactly as it would be in Grafana.
 */

export type ModuleRegistry = Record<string, unknown>;

export interface LoadedModule {
  exports: Record<string, unknown>;
  /** The dependency names the module asked the host for (its externals). */
  requested: string[];
}

type Define = ((deps: string[] | Function, factory?: Function) => void) & { amd?: object };

export function loadAmdModule(src: string, registry: ModuleRegistry): Promise<LoadedModule> {
  return new Promise((resolve, reject) => {
    const define: Define = (depsOrFactory, maybeFactory) => {
      const deps = Array.isArray(depsOrFactory) ? depsOrFactory : [];
      const factory = (typeof depsOrFactory === 'function' ? depsOrFactory : maybeFactory) as Function;
      const missing = deps.filter((name) => name !== 'module' && name !== 'exports' && !(name in registry));
      if (missing.length > 0) {
        reject(new Error(`dist/module.js asks for modules the host does not provide: ${missing.join(', ')}`));
        return;
      }
      const exports: Record<string, unknown> = {};
      const args = deps.map((name) => {
        if (name === 'module') {
          return { uri: new URL(src, window.location.href).href };
        }
        return name === 'exports' ? exports : registry[name];
      });
      const returned = factory(...args);
      resolve({
        exports: (returned as Record<string, unknown>) ?? exports,
        requested: deps.filter((d) => d !== 'module' && d !== 'exports'),
      });
    };
    define.amd = {};
    // Set only now, after all vendor code ran: lodash and others switch to AMD when they see a global define.
    (window as unknown as { define: Define }).define = define;
    const script = document.createElement('script');
    script.src = src;
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.appendChild(script);
  });
}
