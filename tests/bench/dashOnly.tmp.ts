import { printDashboard, dashboardJson, runDashboardBench } from './dashboard';
runDashboardBench().then((b) => { printDashboard(b); console.log(JSON.stringify(dashboardJson(b))); }).catch((e) => { console.error(e); process.exit(1); });
