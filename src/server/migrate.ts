import { loadConfig } from '../config.js';
import { migrateToLatest, openDatabase } from '../db/database.js';

/** `npm run db:migrate`: bring the configured database's schema up to date and stop. */
const config = loadConfig();
const database = await openDatabase({
  url: config.databaseUrl,
  dataDir: config.dataDir,
  prepare: config.databasePrepare,
});
const applied = await migrateToLatest(database.db);
console.log(applied.length > 0 ? `Applied: ${applied.join(', ')}` : 'The database is up to date.');
await database.close();
