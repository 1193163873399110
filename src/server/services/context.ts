import type { Config } from '../../config.js';
import type { Db } from '../../db/database.js';

/** What every service is given: the database, the configuration and the clock. */
export type ServiceContext = {
  db: Db;
  config: Config;
  now: () => Date;
};

/** Where a change came from, for the audit trail. */
export type Origin = { ip: string | null; userAgent: string | null };
