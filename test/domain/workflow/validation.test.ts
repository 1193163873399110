import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUEST_TYPES } from '../../../src/shared/request-vocabulary.js';
import { loadShippedDefinitions } from '../../../src/domain/workflow/shipped.js';
import { loadDefinition } from '../../../src/domain/workflow/validate.js';
import {
  checkNewVersion,
  exportDefinition,
  importDefinition,
  WorkflowCatalogue,
} from '../../../src/domain/workflow/versioning.js';
import { SHIPPED } from './fixtures.js';

const L = { 'zh-TW': '標籤', en: 'Label' };

type Json = Record<string, unknown>;

/** A small valid definition; each broken case changes one thing. */
function minimal(): Json {
  return {
    type: 'general',
    version: 1,
    title: L,
    description: L,
    form: {
      type: 'object',
      properties: { note: { type: 'string', maxLength: 10, 'x-label': L } },
      additionalProperties: false,
    },
    filing: { channels: ['web'], document: 'attachment_1' },
    initial: 'open',
    states: {
      open: { label: L, status: 'submitted', on: { take: { target: 'working' }, drop: { target: 'dropped' } } },
      working: {
        label: L,
        status: 'in_progress',
        on: {
          finish: [{ target: 'done', when: { field: 'fields.ok', equals: true } }, { target: 'open' }],
          wait: { target: 'waiting' },
        },
      },
      waiting: { label: L, status: 'waiting', clocks: { pause: true }, on: { resume: { target: 'working' } } },
      done: { label: L, status: 'closed', type: 'final' },
      dropped: { label: L, status: 'cancelled', type: 'final' },
    },
    actions: {
      take: { label: L, by: [{ role: 'desk_agent' }], record: 'taken' },
      drop: { label: L, by: ['requester'] },
      finish: {
        label: L,
        by: ['assignee'],
        fields: {
          type: 'object',
          properties: { ok: { type: 'boolean', 'x-label': L } },
          required: ['ok'],
          additionalProperties: false,
        },
      },
      wait: { label: L, by: ['assignee'] },
      resume: { label: L, by: ['requester', 'assignee'] },
    },
  };
}

type Mutation = (d: Json) => void;
// Test-only access into the JSON being broken.
const at = (d: Json, ...keys: string[]): Json => keys.reduce<Json>((node, k) => node[k] as Json, d);
const state = (d: Json, id: string) => at(d, 'states', id);

describe('loading definitions (validation)', () => {
  it('loads every shipped definition: every request type from version 1, app_dev also in version 2', () => {
    expect([...new Set(SHIPPED.map((w) => w.definition.type))].sort()).toEqual([...REQUEST_TYPES].sort());
    expect(SHIPPED.map((w) => w.key).sort()).toEqual([...REQUEST_TYPES.map((type) => `${type}@1`), 'app_dev@2'].sort());
  });

  it('loads the minimal definition the broken cases start from', () => {
    const r = loadDefinition(minimal());
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('freezes a loaded definition, so a published version cannot change underneath requests', () => {
    const r = loadDefinition(minimal());
    if (!r.ok) throw new Error('expected to load');
    expect(Object.isFrozen(r.workflow.definition.states)).toBe(true);
    expect(() => {
      (r.workflow.definition as Json).version = 2;
    }).toThrow();
  });

  const cases: Array<[string, Mutation, string, RegExp]> = [
    [
      'a transition to a state that does not exist',
      (d) => (at(state(d, 'open'), 'on', 'take').target = 'nowhere'),
      'states.open.on.take.target',
      /target "nowhere" is not a state/,
    ],
    [
      'a state nothing leads to',
      (d) => (at(d, 'states').orphan = { label: L, status: 'in_progress', on: { take: { target: 'done' } } }),
      'states.orphan',
      /cannot be reached from the initial state/,
    ],
    [
      'an unknown role',
      (d) => (at(d, 'actions', 'take').by = [{ role: 'janitor' }]),
      'actions.take.by[0].role',
      /unknown role "janitor"/,
    ],
    [
      'an unknown relational actor',
      (d) => (at(d, 'actions', 'take').by = ['boss']),
      'actions.take.by[0]',
      /"requester"\|"assignee"\|"stage_assignee"/,
    ],
    [
      'an unknown rule',
      (d) => (at(state(d, 'open'), 'on', 'take').rules = [{ rule: 'noSuchRule' }]),
      'states.open.on.take.rules[0]',
      /unknown rule "noSuchRule"/,
    ],
    [
      'bad rule parameters',
      (d) => (at(state(d, 'open'), 'on', 'take').rules = [{ rule: 'leadTime', weeks: 3, label: L }]),
      'states.open.on.take.rules[0]',
      /bad parameters for rule "leadTime"/,
    ],
    [
      'bad filing rule parameters',
      (d) => (at(d, 'filing').rules = [{ rule: 'attachmentRequired', min: 0 }]),
      'filing.rules[0]',
      /bad parameters for rule "attachmentRequired": min/,
    ],
    [
      'a JSON Schema that does not compile',
      (d) => (at(d, 'actions', 'finish', 'fields', 'properties', 'ok').type = 'bool'),
      'actions.finish.fields',
      /does not compile/,
    ],
    [
      'a misspelt JSON Schema keyword',
      (d) => (at(d, 'form', 'properties', 'note').maxlength = 10),
      'form',
      /unknown keyword: "maxlength"/,
    ],
    [
      'an unknown format',
      (d) => (at(d, 'form', 'properties').when = { type: 'string', format: 'calendar', 'x-label': L }),
      'form',
      /unknown format "calendar"/,
    ],
    [
      'a final state with transitions',
      (d) => (state(d, 'done').on = { take: { target: 'open' } }),
      'states.done',
      /a final state has no way out.*remove on/,
    ],
    [
      'an action a state offers but nobody declared',
      (d) => (at(state(d, 'open'), 'on').fly = { target: 'working' }),
      'states.open.on.fly',
      /action "fly" is not declared/,
    ],
    [
      'an action declared but offered nowhere',
      (d) => (at(d, 'actions').extra = { label: L, by: ['requester'] }),
      'actions.extra',
      /declared but no state offers it/,
    ],
    [
      'a waiting state that does not pause the clocks',
      (d) => delete state(d, 'waiting').clocks,
      'states.waiting',
      /a waiting state must pause clocks/,
    ],
    [
      'a state that pauses the clocks without waiting',
      (d) => (state(d, 'working').clocks = { pause: true }),
      'states.working',
      /only a waiting state may pause clocks/,
    ],
    [
      'a status that does not exist',
      (d) => (state(d, 'open').status = 'open'),
      'states.open.status',
      /unknown status "open"/,
    ],
    ['a top-level state without a status', (d) => delete state(d, 'open').status, 'states.open', /needs "status"/],
    [
      'a final state that does not end the request',
      (d) => (state(d, 'done').status = 'resolved'),
      'states.done',
      /needs an ending status/,
    ],
    [
      'an ending status on a state that goes on',
      (d) => (state(d, 'working').status = 'closed'),
      'states.working',
      /only a top-level final state may have it/,
    ],
    [
      'a state with no way out',
      (d) => {
        at(state(d, 'open'), 'on', 'take').target = 'stuck';
        at(d, 'states').stuck = { label: L, status: 'in_progress', on: { finish: {} } };
      },
      'states.stuck',
      /needs a way out/,
    ],
    [
      'a loop that never reaches an end',
      (d) => {
        at(d, 'states').ping = { label: L, status: 'in_progress', on: { take: { target: 'pong' } } };
        at(d, 'states').pong = { label: L, status: 'in_progress', on: { take: { target: 'ping' } } };
        at(state(d, 'open'), 'on').wait = { target: 'ping' };
      },
      'states.ping',
      /no path leads from this state to a final state/,
    ],
    [
      'an unknown clock',
      (d) => (state(d, 'open').clocks = { start: ['fault.forever'] }),
      'states.open.clocks.start[0]',
      /unknown clock "fault.forever"/,
    ],
    [
      'a condition on a field the action does not have',
      (d) =>
        ((at(state(d, 'working'), 'on', 'finish') as unknown as Json[])[0]!.when = { field: 'fields.nope', equals: 1 }),
      'states.working.on.finish[0].when',
      /action "finish" has no field "nope"/,
    ],
    [
      'a condition on a form field that does not exist',
      (d) =>
        ((at(state(d, 'working'), 'on', 'finish') as unknown as Json[])[0]!.when = {
          field: 'form.colour',
          equals: 'red',
        }),
      'states.working.on.finish[0].when',
      /the form has no field "colour"/,
    ],
    [
      'a condition on an unknown request fact',
      (d) =>
        ((at(state(d, 'working'), 'on', 'finish') as unknown as Json[])[0]!.when = {
          field: 'request.colour',
          equals: 'red',
        }),
      'states.working.on.finish[0].when',
      /requests have no fact "colour"/,
    ],
    [
      'a condition on data no action records',
      (d) =>
        ((at(state(d, 'working'), 'on', 'finish') as unknown as Json[])[0]!.when = {
          field: 'data.review.ok',
          equals: true,
        }),
      'states.working.on.finish[0].when',
      /no action records data there/,
    ],
    [
      'a comparison with two operators',
      (d) =>
        ((at(state(d, 'working'), 'on', 'finish') as unknown as Json[])[0]!.when = {
          field: 'fields.ok',
          equals: true,
          exists: true,
        }),
      'states.working.on.finish[0].when',
      /exactly one of equals/,
    ],
    [
      'an unconditional transition hiding the next one',
      (d) => delete (at(state(d, 'working'), 'on', 'finish') as unknown as Json[])[0]!.when,
      'states.working.on.finish[0]',
      /only the last of several transitions may omit "when"/,
    ],
    [
      'an initial state that does not exist',
      (d) => (d.initial = 'start'),
      'initial',
      /the initial state "start" does not exist/,
    ],
    ['an initial state that is final', (d) => (d.initial = 'done'), 'initial', /cannot be final/],
    [
      'a form property without a label',
      (d) => delete at(d, 'form', 'properties', 'note')['x-label'],
      'form.properties.note',
      /needs "x-label"/,
    ],
    [
      'a free string without a length limit',
      (d) => delete at(d, 'form', 'properties', 'note').maxLength,
      'form.properties.note',
      /needs "maxLength"/,
    ],
    [
      'an enum without labels',
      (d) => (at(d, 'form', 'properties').kind = { type: 'string', enum: ['a', 'b'], 'x-label': L }),
      'form.properties.kind',
      /needs "x-enum-labels"/,
    ],
    [
      'an enum value without a label',
      (d) =>
        (at(d, 'form', 'properties').kind = {
          type: 'string',
          enum: ['a', 'b'],
          'x-label': L,
          'x-enum-labels': { a: L },
        }),
      'form.properties.kind',
      /no label for "b"/,
    ],
    [
      'a label without English',
      (d) => (at(d, 'form', 'properties', 'note')['x-label'] = { 'zh-TW': '備註' }),
      'form',
      /keyword "x-label" value is invalid/,
    ],
    [
      'fields that accept anything',
      (d) => delete at(d, 'actions', 'finish', 'fields').additionalProperties,
      'actions.finish.fields',
      /"additionalProperties": false/,
    ],
    [
      'the stage assignee outside any stage',
      (d) => (at(d, 'actions', 'wait').by = ['stage_assignee']),
      'actions.wait.by',
      /"stage_assignee" acts only inside a stage/,
    ],
    [
      'sub-states without "initial"',
      (d) =>
        (state(d, 'working').states = {
          a: { label: L, on: { wait: { target: 'b' } } },
          b: { label: L, on: { resume: { target: 'a' } } },
        }),
      'states.working',
      /needs "initial"/,
    ],
    [
      'a parallel state whose region has no sub-states',
      (d) => {
        at(d, 'states').both = {
          label: L,
          status: 'in_progress',
          type: 'parallel',
          states: { left: { label: L }, right: { label: L } },
          on: { resume: { target: 'done' } },
        };
        at(state(d, 'open'), 'on').wait = { target: 'both' };
      },
      'states.both.states.left',
      /each region of a parallel state needs sub-states/,
    ],
    [
      'a nested final state that leads nowhere',
      (d) => {
        state(d, 'working').initial = 'busy';
        state(d, 'working').states = {
          busy: { label: L, on: { wait: { target: 'over' } } },
          over: { label: L, type: 'final' },
        };
        delete at(state(d, 'working'), 'on').wait;
        delete at(d, 'states').waiting;
        delete at(d, 'actions').resume;
      },
      'states.working.states.over',
      /give "working" an "onDone"/,
    ],
    [
      'a state id used twice',
      (d) => {
        state(d, 'working').initial = 'open';
        state(d, 'working').states = { open: { label: L, on: { wait: { target: 'waiting' } } } };
      },
      'states.working.states.open',
      /state id "open" is used twice/,
    ],
    [
      'a misspelt key',
      (d) => (at(state(d, 'open'), 'on').take = { tagret: 'working' }),
      'states.open.on.take',
      /Unrecognized key: "tagret"/,
    ],
    [
      'an automatic branch that can leave the request stuck',
      (d) => {
        state(d, 'open').always = [{ target: 'working', when: { field: 'request.channel', equals: 'phone' } }];
      },
      'states.open.always[0]',
      /last "always" transition must have no "when"/,
    ],
    [
      'rules on an automatic branch',
      (d) => (state(d, 'open').always = [{ target: 'working', rules: [{ rule: 'attachmentRequired', min: 1 }] }]),
      'states.open.always[0].rules',
      /rules belong on transitions an action takes/,
    ],
    [
      'an unknown notice',
      (d) => (at(state(d, 'open'), 'on', 'take').effects = [{ kind: 'notify', to: ['requester'], notice: 'hello' }]),
      'states.open.on.take.effects[0].notice',
      /unknown notice "hello"/,
    ],
    [
      'an effect the engine does not know',
      (d) => (at(state(d, 'open'), 'on', 'take').effects = [{ kind: 'sendFax' }]),
      'states.open.on.take.effects[0].kind',
      /./,
    ],
    [
      'a record path reaching into the prototype',
      (d) => (at(d, 'actions', 'take').record = '__proto__.polluted'),
      'actions.take.record',
      /must not use __proto__/,
    ],
    ['an unknown request type', (d) => (d.type = 'coffee'), 'type', /./],
  ];

  it.each(cases)('rejects %s', (_name, mutate, where, message) => {
    const d = minimal();
    mutate(d);
    const r = loadDefinition(d);
    expect(r.ok).toBe(false);
    const issues = r.ok ? [] : r.issues;
    expect(issues).toContainEqual({ path: where, message: expect.stringMatching(message) });
  });
});

it('compiles the schemas of a stored definition when they are first used, and checks them all the same', () => {
  const stored = loadDefinition(minimal(), { compileSchemas: 'on-first-use' });
  if (!stored.ok) throw new Error(JSON.stringify(stored.issues));
  const form = stored.workflow.validateForm;
  expect(form({ note: 'ok' })).toBe(true);
  expect(form({ note: 'far too long here' })).toBe(false);
  expect(stored.workflow.validateForm).toBe(form);
  expect(stored.workflow.validateFields('finish')({ ok: 'yes' })).toBe(false);
  expect(() => stored.workflow.validateFields('fly')).toThrow(/no action "fly"/);

  const broken = minimal();
  (((broken.actions as Json).finish as Json).fields as Json).properties = { ok: { type: 'bool', 'x-label': L } };
  const lazy = loadDefinition(broken, { compileSchemas: 'on-first-use' });
  if (!lazy.ok) throw new Error(JSON.stringify(lazy.issues));
  expect(() => lazy.workflow.validateFields('finish')).toThrow(/schema is invalid/);
  expect(loadDefinition(broken).ok).toBe(false);
});

describe('versions, export and import', () => {
  it('exports a definition as JSON that imports again to the same definition', () => {
    for (const wf of SHIPPED) {
      const json = exportDefinition(wf);
      const again = loadDefinition(JSON.parse(json));
      expect(again.ok).toBe(true);
      if (again.ok) expect(again.workflow.definition).toEqual(wf.definition);
    }
  });

  it('matches the shipped file byte for byte (after formatting)', () => {
    const wf = SHIPPED.find((w) => w.definition.type === 'vendor_account')!;
    const file = JSON.parse(fs.readFileSync('resources/workflows/vendor_account.v1.json', 'utf8')) as unknown;
    expect(JSON.parse(exportDefinition(wf))).toEqual(file);
  });

  it('imports a new version only when it is greater than the current one', () => {
    const wf = SHIPPED.find((w) => w.definition.type === 'general')!;
    const v2 = { ...JSON.parse(exportDefinition(wf)), version: 2 };
    expect(importDefinition(JSON.stringify(v2), () => 1).ok).toBe(true);
    expect(importDefinition(JSON.stringify(v2), () => null).ok).toBe(true);
    const same = importDefinition(exportDefinition(wf), () => 1);
    expect(same.ok ? [] : same.issues).toEqual([
      {
        path: 'version',
        message: 'version 1 is not greater than the current version 1; published versions never change',
      },
    ]);
    expect(checkNewVersion(3, 2)?.message).toMatch(/not greater/);
    expect(checkNewVersion(null, 1)).toBeNull();
  });

  it('refuses an import that is not JSON, or not a valid definition', () => {
    const notJson = importDefinition('{ "type": ', () => null);
    expect(notJson.ok ? [] : notJson.issues[0]?.message).toMatch(/not valid JSON/);
    const broken = importDefinition(JSON.stringify({ ...minimal(), initial: 'nowhere' }), () => null);
    expect(broken.ok).toBe(false);
  });

  it('keeps every version: requests find the one they started with, new ones the latest', () => {
    const v1 = SHIPPED.find((w) => w.definition.type === 'general')!;
    const loaded = loadDefinition({ ...JSON.parse(exportDefinition(v1)), version: 2 });
    if (!loaded.ok) throw new Error('v2 should load');
    const catalogue = new WorkflowCatalogue(SHIPPED).with(loaded.workflow);
    expect(catalogue.get('general', 1)).toBe(v1);
    expect(catalogue.latest('general')?.key).toBe('general@2');
    expect(catalogue.latest('relocation')?.key).toBe('relocation@1');
    expect(catalogue.list()).toHaveLength(11);
    expect(() => catalogue.with(v1)).toThrow(/not greater than the current version 2/);
    expect(() => new WorkflowCatalogue([v1, v1])).toThrow(/given twice/);
  });
});

describe('the shipped folder', () => {
  const copyTo = (files: Record<string, string>) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'govdesk-workflows-'));
    for (const f of fs.readdirSync('resources/workflows')) {
      fs.copyFileSync(path.join('resources/workflows', f), path.join(dir, f));
    }
    for (const [name, content] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), content);
    return dir;
  };

  it('loads from resources/workflows by default', () => {
    expect(loadShippedDefinitions().map((w) => w.key)).toHaveLength(10);
  });

  it('refuses a folder with a broken file, naming the file and the problem', () => {
    const dir = copyTo({ 'general.v2.json': JSON.stringify({ ...minimal(), version: 2, initial: 'nowhere' }) });
    expect(() => loadShippedDefinitions(dir)).toThrow(/general\.v2\.json: initial: the initial state "nowhere"/);
  });

  it('refuses a file whose name disagrees with its content', () => {
    const dir = copyTo({ 'relocation.v3.json': JSON.stringify(minimal()) });
    expect(() => loadShippedDefinitions(dir)).toThrow(/relocation\.v3\.json: holds general version 1/);
  });

  it('refuses a folder missing a request type', () => {
    const dir = copyTo({});
    fs.rmSync(path.join(dir, 'relocation.v1.json'));
    expect(() => loadShippedDefinitions(dir)).toThrow(/no definition for request type "relocation"/);
  });
});
