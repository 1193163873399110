import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { auditRepository } from '../db/repositories/audit.repository.js';

/**
 * `npm run audit:verify`: checks the audit trail's hash chain (SEC-3) and names the first broken
 * record. Exit code 0 when intact, 1 when broken.
 */
const config = loadConfig();
const database = await openDatabase({
  url: config.databaseUrl,
  dataDir: config.dataDir,
  prepare: config.databasePrepare,
});
try {
  const { checked, firstBreak } = await auditRepository.verify(database.db);
  if (firstBreak) {
    console.error(
      `Audit trail BROKEN at record ${firstBreak.id} (${firstBreak.reason}); ${checked} records before it are intact.`,
    );
    process.exitCode = 1;
  } else {
    console.log(`Audit trail intact: ${checked} records checked.`);
  }
} finally {
  await database.close();
}
