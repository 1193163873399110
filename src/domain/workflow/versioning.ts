import type { RequestType } from '../../shared/request-vocabulary.js';
import { loadDefinition, workflowKey, type DefinitionIssue, type LoadResult, type Workflow } from './validate.js';

/**
 * Definitions are keyed by type and version and never change once published: an administrator
 * exports one as JSON and imports a new version, which new requests then use, while every
 * request keeps the version it started with.
 */

/** The definition as the JSON an administrator downloads (and may import again as a new version). */
export function exportDefinition(wf: Workflow): string {
  return `${JSON.stringify(wf.definition, null, 2)}\n`;
}

/** Why an imported version cannot follow the current one, or null (`current` null: the type has none yet). */
export function checkNewVersion(current: number | null, incoming: number): DefinitionIssue | null {
  if (current === null || incoming > current) return null;
  return {
    path: 'version',
    message: `version ${incoming} is not greater than the current version ${current}; published versions never change`,
  };
}

/**
 * Imports an administrator's JSON: parses it, loads it like any definition, and checks that its
 * version follows the current version of its type (`currentVersionOf` returns null for a new type).
 */
export function importDefinition(json: string, currentVersionOf: (type: RequestType) => number | null): LoadResult {
  let input: unknown;
  try {
    input = JSON.parse(json);
  } catch (e) {
    return { ok: false, issues: [{ path: '', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  const loaded = loadDefinition(input);
  if (!loaded.ok) return loaded;
  const issue = checkNewVersion(currentVersionOf(loaded.workflow.definition.type), loaded.workflow.definition.version);
  return issue ? { ok: false, issues: [issue] } : loaded;
}

/** The definitions known to the server, by type and version; immutable (`with` returns a new one). */
export class WorkflowCatalogue {
  private readonly byKey: ReadonlyMap<string, Workflow>;

  constructor(workflows: readonly Workflow[] = []) {
    const byKey = new Map<string, Workflow>();
    for (const wf of workflows) {
      if (byKey.has(wf.key)) throw new Error(`workflow ${wf.key} is given twice`);
      byKey.set(wf.key, wf);
    }
    this.byKey = byKey;
  }

  /** The definition a request started with. */
  get(type: RequestType, version: number): Workflow | undefined {
    return this.byKey.get(workflowKey(type, version));
  }

  /** The definition new requests of this type use: its highest version. */
  latest(type: RequestType): Workflow | undefined {
    let best: Workflow | undefined;
    for (const wf of this.byKey.values()) {
      if (wf.definition.type === type && (!best || wf.definition.version > best.definition.version)) best = wf;
    }
    return best;
  }

  /** Every definition, by type then version. */
  list(): Workflow[] {
    return [...this.byKey.values()].sort((a, b) =>
      a.definition.type === b.definition.type
        ? a.definition.version - b.definition.version
        : a.definition.type.localeCompare(b.definition.type),
    );
  }

  /** A catalogue with one more version; refuses a version not greater than the latest of its type. */
  with(wf: Workflow): WorkflowCatalogue {
    const issue = checkNewVersion(this.latest(wf.definition.type)?.definition.version ?? null, wf.definition.version);
    if (issue) throw new Error(`${wf.key}: ${issue.message}`);
    return new WorkflowCatalogue([...this.byKey.values(), wf]);
  }
}
