import { loadConfig } from '../config.js';
import { migrateToLatest, openDatabase } from '../db/database.js';
import { buildApp } from './app.js';
import { bootstrap } from './bootstrap.js';
import { startWorker } from './worker.js';

/** `npm start`: migrate, bootstrap, listen. Stops cleanly on SIGINT and SIGTERM. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  // Whenever nothing holds Node's event loop (no timer, socket or file request), Node waits for
  // V8's background tasks to finish. Until the server listens, those are mostly the optimising
  // compiles of PGlite's WebAssembly: a start would stand still for a quarter of a second while
  // they ran. Holding the loop lets the compiles run beside the start instead.
  const holdLoop = setInterval(() => {}, 60_000);
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.dataDir,
    prepare: config.databasePrepare,
  });
  const applied = await migrateToLatest(database.db);
  const say = (line: string) => console.log(line);
  if (applied.length > 0) say(`Database migrated: ${applied.join(', ')}`);
  await bootstrap(database.db, config, say);
  const app = await buildApp({ config, database });
  const stopWorker = startWorker(app.services, config.workerIntervalMs, app.log);
  const address = await app.listen({ port: config.port, host: config.host });
  clearInterval(holdLoop);
  say(
    `GovDesk listening on ${address.replace('[::1]', 'localhost')} (database: ${database.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL server'})`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping`);
    await stopWorker();
    await app.close();
    app.services.notifications.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
