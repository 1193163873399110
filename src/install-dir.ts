import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder GovDesk is installed in: the nearest one above this module that holds a
 * `package.json`. The same folder whether the code runs from `src/` (tsx, tests), from `dist/`
 * (compiled) or from the one-file server `dist/govdesk.js`, where every module shares one
 * `import.meta.url`.
 */
function findInstallDir(from: string): string {
  let dir = from;
  while (!fs.existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No package.json above ${from}: GovDesk's files are not where it runs`);
    dir = parent;
  }
  return dir;
}

export const INSTALL_DIR = findInstallDir(path.dirname(fileURLToPath(import.meta.url)));

/** A path inside the installation, e.g. `installed('resources', 'workflows')`. */
export const installed = (...parts: string[]): string => path.join(INSTALL_DIR, ...parts);
