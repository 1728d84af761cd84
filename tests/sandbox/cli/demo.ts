import { startSandbox } from '../server';

/* npm run demo: the built panel with live sample KPIs in the sandbox, no Grafana needed. */

const port = Number(process.env.PORT ?? 3001);
startSandbox(port).then(
  ({ url }) => {
    console.log(`OKR Overlay demo (live sample KPIs, one point a second): ${url}/?demo`);
    console.log('Press Ctrl+C to stop.');
  },
  (error: unknown) => {
    console.error(`demo failed: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
);
