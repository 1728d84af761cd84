import { FullConfig } from '@playwright/test';

import { GrafanaLine, isGrafanaLine } from '../sandbox/hostBuild';
import { startSandbox } from '../sandbox/server';

/**
 * One sandbox server per Grafana line the projects host (project metadata.grafana), started side by side for
 * the whole run; a project's tests find theirs in SANDBOX_URL_<line>. A host that cannot start (say, the 13
 * host's packages are not installed) does not stop the other: its error goes to SANDBOX_ERROR_<line>, and every
 * test of that project fails with it (helpers.ts, sandboxUrl).
 */
export default async function globalSetup(config: FullConfig) {
  const lines = new Set<GrafanaLine>();
  for (const project of config.projects) {
    const line = String(project.metadata?.grafana ?? '');
    if (!isGrafanaLine(line)) {
      throw new Error(`project ${project.name}: metadata.grafana must name a Grafana line (12 or 13), not "${line}"`);
    }
    lines.add(line);
  }
  const started = await Promise.all(
    [...lines].map(async (grafana) => {
      try {
        const sandbox = await startSandbox(0, { grafana });
        process.env[`SANDBOX_URL_${grafana}`] = sandbox.url;
        return sandbox.server;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        process.env[`SANDBOX_ERROR_${grafana}`] = message;
        console.error(`sandbox for Grafana ${grafana} did not start: ${message}`);
        return undefined;
      }
    })
  );
  return () =>
    Promise.all(started.map((server) => server && new Promise<void>((resolve) => server.close(() => resolve())))).then(
      () => undefined
    );
}
