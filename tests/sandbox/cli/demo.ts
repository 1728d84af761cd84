import { startSandbox } from '../server';

/* npm run demo: the built panel on a Scenes dashboard with live sample KPIs (host/demoDashboard.tsx), no Grafana needed. */

const port = Number(process.env.PORT ?? 3001);
startSandbox(port).then(
  ({ url }) => {
    console.log(`OKR Overlay demo dashboard (Ops, Executive wall, Analyst; live KPIs, a point a second): ${url}/?demo`);
    console.log('Press Ctrl+C to stop.');
  },
  (error: unknown) => {
    console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
);
