import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['0', '1', 'true', 'false', ''])
  .optional()
  .transform((v) => v === '1' || v === 'true');

/** Environment variables GovDesk reads, validated once at start-up (README: Configuration). */
const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional(),
  GOVDESK_DB_PREPARE: z
    .enum(['0', '1', 'true', 'false', ''])
    .optional()
    .transform((v) => v !== '0' && v !== 'false'),
  GOVDESK_DATA_DIR: z.string().min(1).default('data'),
  GOVDESK_ADMIN_PASSWORD: z.string().min(8).optional(),
  GOVDESK_DEMO: bool,
  GOVDESK_DEMO_PASSWORD: z.string().min(8).optional(),
  GOVDESK_REQUEST_PREFIX: z
    .string()
    .regex(/^[A-Z][A-Z0-9]{0,9}-?$/, 'letters and digits, optionally ending in -')
    .default('CTSP-'),
  GOVDESK_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  GOVDESK_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  GOVDESK_SECURE_COOKIES: bool,
  GOVDESK_MAX_UPLOAD_MB: z.coerce.number().int().min(1).max(1024).default(20),
  GOVDESK_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  GOVDESK_MAIL_FROM: z.string().min(3).default('GovDesk <govdesk@localhost>'),
  GOVDESK_PUBLIC_URL: z.string().url().optional(),
  GOVDESK_WORKER_SECONDS: z.coerce.number().min(0.2).max(3600).default(15),
  GOVDESK_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Statements go to the server as named prepared statements; off for a pooler that cannot keep them. */
  databasePrepare: boolean;
  dataDir: string;
  adminPassword: string | undefined;
  demo: boolean;
  demoPassword: string | undefined;
  requestPrefix: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  secureCookies: boolean;
  maxUploadBytes: number;
  logLevel: z.infer<typeof EnvSchema>['GOVDESK_LOG_LEVEL'];
  /** SMTP server for mail; without one, mail is kept in the outbox for administrators to see. */
  smtpUrl: string | undefined;
  mailFrom: string;
  /** The address people reach GovDesk at, for links in mail. */
  publicUrl: string;
  /** How often the background worker checks service-level clocks and sends mail. */
  workerIntervalMs: number;
};

/** Reads the configuration from an environment; throws a readable error naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    databasePrepare: e.GOVDESK_DB_PREPARE,
    dataDir: path.resolve(e.GOVDESK_DATA_DIR),
    adminPassword: e.GOVDESK_ADMIN_PASSWORD,
    demo: e.GOVDESK_DEMO,
    demoPassword: e.GOVDESK_DEMO_PASSWORD,
    requestPrefix: e.GOVDESK_REQUEST_PREFIX,
    sessionIdleMinutes: e.GOVDESK_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.GOVDESK_SESSION_MAX_HOURS,
    secureCookies: e.GOVDESK_SECURE_COOKIES,
    maxUploadBytes: e.GOVDESK_MAX_UPLOAD_MB * 1024 * 1024,
    logLevel: e.GOVDESK_LOG_LEVEL,
    smtpUrl: e.GOVDESK_SMTP_URL,
    mailFrom: e.GOVDESK_MAIL_FROM,
    publicUrl: (e.GOVDESK_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    workerIntervalMs: e.GOVDESK_WORKER_SECONDS * 1000,
  };
}
