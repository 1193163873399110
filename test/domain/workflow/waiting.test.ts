import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { actorAllowed } from '../../../src/domain/workflow/actors.js';
import type { ActorSpec } from '../../../src/domain/workflow/definition.schema.js';
import type { ActorFacts, RequestFacts } from '../../../src/domain/workflow/facts.js';
import { actorKeys, waitingKeys } from '../../../src/domain/workflow/waiting.js';
import { ROLES } from '../../../src/shared/roles.js';

const UNITS = ['agency', 'commerce', 'trade', 'its', 'investment'];
const PEOPLE = ['u1', 'u2', 'u3'];

const unit = fc.constantFrom(...UNITS);
const person = fc.constantFrom(...PEOPLE);
const spec: fc.Arbitrary<ActorSpec> = fc.oneof(
  fc.constantFrom<ActorSpec>('requester', 'assignee', 'stage_assignee'),
  fc.record({
    role: fc.constantFrom(...ROLES),
    scope: fc.constantFrom('any', 'request_unit', 'service_unit', 'business_unit' as const),
  }),
);
const actor: fc.Arbitrary<ActorFacts> = fc.record({
  userId: person,
  roles: fc.array(fc.record({ role: fc.constantFrom(...ROLES), unitId: fc.option(unit, { nil: null }) }), {
    maxLength: 4,
  }),
});
const request: fc.Arbitrary<RequestFacts> = fc
  .record({
    channel: fc.constantFrom('web', 'phone', 'email' as const),
    unitPath: fc.subarray(UNITS, { minLength: 1 }),
    serviceUnitPath: fc.subarray(UNITS),
    businessUnitPath: fc.subarray(UNITS),
    createdBy: fc.option(person, { nil: null }),
    applicantUserId: fc.option(person, { nil: null }),
    assigneeId: fc.option(person, { nil: null }),
    stageAssigneeId: fc.option(person, { nil: null }),
  })
  .map((r) => ({
    id: 'r1',
    type: 'general',
    unitId: r.unitPath[0] ?? null,
    unitRoles: [],
    createdAt: '2026-11-23T02:00:00.000Z',
    applicationDate: '2026-11-23',
    wishedDate: '2026-12-01',
    attachmentCount: 0,
    form: {},
    data: {},
    ...r,
  }));

/** Issue 3: the queue's "waits for me" keys agree with who may act, for any specs, actors and requests. */
describe('waiting keys', () => {
  it('meet an actor’s keys exactly when the actor may take one of the actions', () => {
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 4 }), actor, request, (specs, who, req) => {
        const mine = new Set(actorKeys(who));
        const meets = waitingKeys(specs, req).some((k) => mine.has(k));
        expect(meets).toBe(actorAllowed(specs, who, req));
      }),
      { numRuns: 2000 },
    );
  });

  it('names the section chief of the request’s unit path, and the requester in person', () => {
    const keys = waitingKeys(['requester', { role: 'section_chief', scope: 'request_unit' }], {
      id: 'r1',
      type: 'general',
      channel: 'web',
      unitId: 'trade',
      unitPath: ['trade', 'commerce'],
      unitRoles: [],
      createdBy: 'u1',
      applicantUserId: 'u1',
      assigneeId: null,
      stageAssigneeId: null,
      createdAt: '2026-11-23T02:00:00.000Z',
      applicationDate: '2026-11-23',
      wishedDate: '2026-12-01',
      attachmentCount: 0,
      form: {},
      data: {},
    });
    expect(keys).toEqual(['role:section_chief@commerce', 'role:section_chief@trade', 'user:u1']);
  });
});
