import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import { startServer } from './server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A data directory after one start of the server: every test file's server starts from a copy. */
    govdeskTemplateDir: string;
  }
}

/** Starts and stops the server once, so that each test file copies a migrated, seeded database. */
export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startServer();
  await server.stop({ keepData: true });
  project.provide('govdeskTemplateDir', server.dataDir);
  return () => rm(server.dataDir, { recursive: true, force: true });
}
