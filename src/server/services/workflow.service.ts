import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { installed } from '../../install-dir.js';
import { DomainError } from '../../domain/errors.js';
import { abilitiesOf, type Actor } from '../../domain/policies.js';
import {
  checkNewVersion,
  loadDefinition,
  toGraph,
  WorkflowCatalogue,
  type Workflow,
} from '../../domain/workflow/index.js';
import { loadShippedDefinitions } from '../../domain/workflow/shipped.js';
import type { Executor } from '../../db/database.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { workflowRepository } from '../../db/repositories/workflow.repository.js';
import { settingsRepository } from '../../db/repositories/settings.repository.js';
import {
  organisationRepository,
  WORKFLOW_UNITS_KEY,
  workflowUnitsOf,
} from '../../db/repositories/organisation.repository.js';
import type { WebContentRoute, WorkflowUnits } from '../../shared/api/workflow.schema.js';
import { webContentRouteRepository } from '../../db/repositories/web-content-route.repository.js';
import type { RequestType } from '../../shared/request-vocabulary.js';
import type { Origin, ServiceContext } from './context.js';

const ROUTING_LOADED_KEY = 'web_content_routing_loaded';
/** 附件二 as GovDesk ships it (resources/reference). */
const SHIPPED_ROUTING = installed('resources', 'reference', 'web-content-routing.json');
/** A process re-reads the definitions at most this often, to see versions other processes published. */
const REFRESH_MS = 30_000;

function requireAdmin(actor: Actor): void {
  if (!abilitiesOf(actor).manageSettings) throw new DomainError('forbidden');
}

/**
 * The request-type workflows (issue 3): the shipped definitions are published as version 1 the
 * first time a process starts; an administrator exports a version as JSON and imports a new one,
 * which new requests then use. Published versions never change.
 */
export function workflowService(ctx: ServiceContext) {
  const { db } = ctx;
  let cache: { catalogue: WorkflowCatalogue; fingerprint: string; checkedAt: number } | undefined;
  /** The shipped definitions, loaded once, by `type@version`; undefined until published. */
  let shipped: Map<string, Workflow> | undefined;
  const keyOf = (type: string, version: number) => `${type}@${version}`;

  async function publishShipped(executor: Executor): Promise<void> {
    if (shipped) return;
    // The shipped files' schemas are proved to compile by the test suite (and compiled when used).
    const loaded = loadShippedDefinitions(undefined, { compileSchemas: 'on-first-use' });
    for (const wf of loaded) {
      const { type, version } = wf.definition;
      await workflowRepository.insert(executor, {
        type,
        version,
        definition: wf.definition,
        createdAt: ctx.now(),
        createdBy: null,
      });
    }
    shipped = new Map(loaded.map((wf) => [keyOf(wf.definition.type, wf.definition.version), wf]));
  }

  /** Every published version; pass the open transaction when there is one (PGlite has one connection). */
  async function catalogue(executor: Executor = db): Promise<WorkflowCatalogue> {
    const now = Date.now();
    if (cache && now - cache.checkedAt < REFRESH_MS) return cache.catalogue;
    await publishShipped(executor);
    const fingerprint = await workflowRepository.fingerprint(executor);
    if (cache && cache.fingerprint === fingerprint) {
      cache.checkedAt = now;
      return cache.catalogue;
    }
    const workflows: Workflow[] = [];
    for (const row of await workflowRepository.all(executor)) {
      // A stored version as shipped is the one just loaded from its file (a start saves loading it twice).
      const same = shipped?.get(keyOf(row.type, row.version));
      if (same && isDeepStrictEqual(same.definition, row.definition)) {
        workflows.push(same);
        continue;
      }
      // Stored versions were checked when published (their schemas are compiled when first used);
      // one that no longer loads is a bug to see at once.
      const loaded = loadDefinition(row.definition, { compileSchemas: 'on-first-use' });
      if (!loaded.ok)
        throw new Error(`workflow ${row.type} v${row.version} does not load: ${loaded.issues[0]?.message}`);
      workflows.push(loaded.workflow);
    }
    cache = { catalogue: new WorkflowCatalogue(workflows), fingerprint, checkedAt: now };
    return cache.catalogue;
  }

  async function find(type: RequestType, version: number | undefined): Promise<Workflow> {
    const all = await catalogue();
    const wf = version === undefined ? all.latest(type) : all.get(type, version);
    if (!wf) throw new DomainError('not_found');
    return wf;
  }

  return {
    catalogue,
    find,

    /** The latest version of every type, for the catalogue page and the new-request form. */
    async list(): Promise<Workflow[]> {
      const all = await catalogue();
      return all.list().filter((wf) => all.latest(wf.definition.type) === wf);
    },

    graphOf: toGraph,

    /** The service and business units of the workflows (settings → 流程單位). */
    async units(executor: Executor = db): Promise<WorkflowUnits> {
      return workflowUnitsOf(await settingsRepository.get(executor, WORKFLOW_UNITS_KEY));
    },

    /** 附件二 (TYPE-4): the shipped table is loaded the first time it is asked for. */
    async webContentRouting(): Promise<WebContentRoute[]> {
      return db.transaction().execute(async (tx) => {
        if ((await settingsRepository.get(tx, ROUTING_LOADED_KEY)) === undefined) {
          const shipped = JSON.parse(fs.readFileSync(SHIPPED_ROUTING, 'utf8')) as { rows: WebContentRoute[] };
          await webContentRouteRepository.replace(
            tx,
            shipped.rows.map((r) => ({ ...r, selfService: r.selfService ?? false })),
          );
          await settingsRepository.put(tx, ROUTING_LOADED_KEY, ctx.now().toISOString(), null, ctx.now());
        }
        return webContentRouteRepository.all(tx);
      });
    },

    /** An administrator edits 附件二; the change is audited with what was added, removed or changed. */
    async setWebContentRouting(actor: Actor, rows: readonly WebContentRoute[], origin: Origin) {
      requireAdmin(actor);
      const before = await this.webContentRouting();
      const key = (r: WebContentRoute) => `${r.menu}／${r.item}`;
      const old = new Map(before.map((r) => [key(r), JSON.stringify(r)]));
      const now = new Map(rows.map((r) => [key(r), JSON.stringify(r)]));
      await db.transaction().execute(async (tx) => {
        await webContentRouteRepository.replace(tx, rows);
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'settings.changed',
          objectType: 'setting',
          objectId: 'web_content_routing',
          ip: origin.ip,
          data: {
            added: [...now.keys()].filter((k) => !old.has(k)),
            removed: [...old.keys()].filter((k) => !now.has(k)),
            changed: [...now.keys()].filter((k) => old.has(k) && old.get(k) !== now.get(k)),
          },
        });
      });
      return webContentRouteRepository.all(db);
    },

    async setUnits(actor: Actor, units: WorkflowUnits, origin: Origin): Promise<WorkflowUnits> {
      requireAdmin(actor);
      await db.transaction().execute(async (tx) => {
        for (const [field, id] of Object.entries(units)) {
          if (id && !(await organisationRepository.findUnit(tx, id))) {
            throw DomainError.field(field, 'unknown_unit', 'No such unit', '查無此單位');
          }
        }
        const before = await this.units(tx);
        await settingsRepository.put(tx, WORKFLOW_UNITS_KEY, units, actor.userId, ctx.now());
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'settings.changed',
          objectType: 'setting',
          objectId: WORKFLOW_UNITS_KEY,
          ip: origin.ip,
          data: { before, after: units },
        });
      });
      return units;
    },

    async versions(actor: Actor, type: RequestType) {
      requireAdmin(actor);
      await catalogue();
      const rows = await workflowRepository.versions(db, type);
      const counts = await workflowRepository.requestsPerVersion(db, type);
      return rows.map((r, i) => ({ ...r, requests: counts.get(r.version) ?? 0, current: i === 0 }));
    },

    /** A version as JSON for an administrator to download; the export is audited. */
    async exportDefinition(actor: Actor, type: RequestType, version: number | undefined, origin: Origin) {
      requireAdmin(actor);
      const wf = await find(type, version);
      await auditRepository.append(db, {
        actorId: actor.userId,
        action: 'workflow.exported',
        objectType: 'workflow',
        objectId: wf.key,
        ip: origin.ip,
      });
      return wf;
    },

    /** Publishes a new version of a type: it must load, be of this type, and follow the current version. */
    async importDefinition(actor: Actor, type: RequestType, input: unknown, origin: Origin) {
      requireAdmin(actor);
      const loaded = loadDefinition(input);
      const issues = loaded.ok ? [] : loaded.issues;
      if (loaded.ok && loaded.workflow.definition.type !== type) {
        issues.push({
          path: 'type',
          message: `the definition is for "${loaded.workflow.definition.type}", not "${type}"`,
        });
      }
      const published = await db.transaction().execute(async (tx) => {
        const current = (await catalogue(tx)).latest(type)?.definition.version ?? null;
        if (loaded.ok && issues.length === 0) {
          const tooOld = checkNewVersion(current, loaded.workflow.definition.version);
          if (tooOld) issues.push(tooOld);
        }
        if (!loaded.ok || issues.length > 0) return null;
        const { version } = loaded.workflow.definition;
        if (
          !(await workflowRepository.insert(tx, {
            type,
            version,
            definition: loaded.workflow.definition,
            createdAt: ctx.now(),
            createdBy: actor.userId,
          }))
        ) {
          issues.push({ path: 'version', message: `version ${version} was published meanwhile` });
          return null;
        }
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'workflow.imported',
          objectType: 'workflow',
          objectId: loaded.workflow.key,
          ip: origin.ip,
          data: { type, version, previous: current },
        });
        return loaded.workflow;
      });
      if (!published) {
        throw new DomainError('validation_failed', {
          detail: {
            en: `The definition cannot be published: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
            zh: `流程定義無法發布：${issues.map((i) => `${i.path || '（根）'}：${i.message}`).join('；')}`,
          },
          fields: issues.map((i) => ({
            field: i.path,
            in: 'body' as const,
            code: 'invalid_definition',
            message: i.message,
            message_zh: i.message,
          })),
        });
      }
      cache = undefined;
      return published;
    },
  };
}
export type WorkflowService = ReturnType<typeof workflowService>;
