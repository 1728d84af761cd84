import { startSandbox } from '../sandbox/server';

/** One sandbox server for the whole run; workers find it in SANDBOX_URL. */
export default async function globalSetup() {
  const { url, server } = await startSandbox();
  process.env.SANDBOX_URL = url;
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}
