import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { INSTALL_DIR, installed } from '../../src/install-dir.js';

/** The shipped files are found from wherever the code runs (src/, dist/ or the bundled dist/govdesk.js). */
describe('the installation folder', () => {
  it('is the folder of GovDesk’s package.json, and holds the shipped resources', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(INSTALL_DIR, 'package.json'), 'utf8')) as { name: string };
    expect(pkg.name).toBe('govdesk');
    expect(
      fs.readdirSync(installed('resources', 'workflows')).filter((f) => f.endsWith('.json')).length,
    ).toBeGreaterThan(0);
    expect(fs.existsSync(installed('resources', 'reference', 'web-content-routing.json'))).toBe(true);
  });
});
