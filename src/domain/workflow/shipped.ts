import fs from 'node:fs';
import path from 'node:path';
import { installed } from '../../install-dir.js';
import { REQUEST_TYPES } from '../../shared/request-vocabulary.js';
import { loadDefinition, type LoadOptions, type Workflow } from './validate.js';

/** The folder of the shipped definitions. */
export const SHIPPED_WORKFLOWS_DIR = installed('resources', 'workflows');

const FILE = /^([a-z_]+)\.v(\d+)\.json$/;

/**
 * Reads and loads every `<type>.v<version>.json` in `dir`. Throws, naming each file and each
 * problem, when a file does not load, when its name disagrees with its content, or when one of
 * the seven request types has no definition.
 */
export function loadShippedDefinitions(dir: string = SHIPPED_WORKFLOWS_DIR, options: LoadOptions = {}): Workflow[] {
  const problems: string[] = [];
  const workflows: Workflow[] = [];
  for (const file of fs.readdirSync(dir).sort()) {
    const m = FILE.exec(file);
    if (!m) continue;
    let input: unknown;
    try {
      input = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    } catch (e) {
      problems.push(`${file}: not valid JSON: ${(e as Error).message}`);
      continue;
    }
    const loaded = loadDefinition(input, options);
    if (!loaded.ok) {
      problems.push(...loaded.issues.map((i) => `${file}: ${i.path || '(root)'}: ${i.message}`));
      continue;
    }
    const { type, version } = loaded.workflow.definition;
    if (type !== m[1] || version !== Number(m[2])) {
      problems.push(`${file}: holds ${type} version ${version}; name it ${type}.v${version}.json`);
      continue;
    }
    workflows.push(loaded.workflow);
  }
  for (const type of REQUEST_TYPES) {
    if (!workflows.some((wf) => wf.definition.type === type)) problems.push(`no definition for request type "${type}"`);
  }
  if (problems.length > 0)
    throw new Error(`The workflow definitions in ${dir} do not load:\n- ${problems.join('\n- ')}`);
  return workflows;
}
