// Entry point: start the API and shut it down gracefully on SIGTERM/SIGINT (stop accepting, let in-flight
// requests finish, stop the simulation workers, close the database) within 10 seconds.
import { createApp } from './app.ts';
import { loadEnv } from './env.ts';

const SHUTDOWN_TIMEOUT_MS = 10_000;

async function main(): Promise<void> {
  const env = loadEnv();
  const app = await createApp(env);
  const { server, log, database, simulations, changeFeed, alerts, importWorker } = app;
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  server.listen(env.API_PORT, env.API_HOST, () => {
    log.info({ url: `http://${env.API_HOST}:${env.API_PORT}`, database: database.kind }, 'API listening');
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      log.error('shutdown took too long; closing remaining connections');
      server.closeAllConnections();
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS - 1000);
    force.unref();
    server.close(async () => {
      // No request is left to wait for a simulation: stop the worker threads, then the database.
      await simulations.close();
      // The import job in hand gives up at its next progress write and goes back to the queue, undone.
      await importWorker.stop();
      // An alert check still running after a publish finishes before the database goes.
      await alerts.idle();
      alerts.close();
      await changeFeed.close();
      await database.close();
      log.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
