import { SlaSettings } from '../../shared/api/sla.schema.js';
import { formatTaipeiInstant } from '../../domain/calendar/iso-duration.js';
import {
  dueAt,
  pauseClock,
  resumeClock,
  shareUsed,
  startClock,
  stopClock,
  thresholdAt,
  type Clock,
  type TimeFrame,
} from '../../domain/sla/clock.js';
import {
  CLOCK_TARGETS,
  DEFAULT_WARNING_THRESHOLDS,
  nextTier,
  type ClockTarget,
} from '../../domain/sla/sla-policies.js';
import { DomainError } from '../../domain/errors.js';
import { abilitiesOf, type Actor } from '../../domain/policies.js';
import type { Executor } from '../../db/database.js';
import { auditRepository } from '../../db/repositories/audit.repository.js';
import { clockRepository, type ClockRow } from '../../db/repositories/clock.repository.js';
import { requestRepository } from '../../db/repositories/request.repository.js';
import { settingsRepository } from '../../db/repositories/settings.repository.js';
import type { RequestClocksTable, RequestRow } from '../../db/schema.js';
import type { Insertable } from 'kysely';
import type { EscalationTier, SlaState } from '../../shared/request-vocabulary.js';
import type { Role } from '../../shared/roles.js';
import { REFRESH_MS, type CalendarService } from './calendar.service.js';
import type { Origin, ServiceContext } from './context.js';
import type { NotificationService } from './notification.service.js';
import { appendHistory, writeHeldClocks, type RowHold } from './row-hold.js';

const SETTINGS_KEY = 'sla';
export { SlaSettings };
const DEFAULTS: SlaSettings = { warningThresholds: [...DEFAULT_WARNING_THRESHOLDS], chaseIntervalMinutes: 120 };

/** Who is told when a request reaches each tier (SLA-3, 002 PICS). */
const TIER_ROLES: Record<EscalationTier, readonly Role[]> = {
  first_line_desk: ['desk_agent'],
  second_line_technical: ['it_officer'],
  third_line_system_owner: ['it_chief'],
  vendor: ['onsite_manager', 'vendor_engineer'],
};

const clockOf = (row: ClockRow): Clock => ({
  basis: row.basis,
  targetMs: row.target_ms,
  status: row.status,
  consumedMs: row.consumed_ms,
  runningSince: row.running_since ? row.running_since.getTime() : null,
});

/** The target of a clock key (src/domain/sla/sla-policies.ts). */
const targetOf = (key: string): ClockTarget | undefined => Object.values(CLOCK_TARGETS).find((t) => t.key === key);

const labelOf = (row: Pick<ClockRow, 'target_key'>) =>
  targetOf(row.target_key)?.label ?? { 'zh-TW': row.target_key, en: row.target_key };

const localTime = (ms: number | null) => {
  const text = ms === null ? '—' : formatTaipeiInstant(ms).slice(0, 16).replace('T', ' ');
  return { 'zh-TW': text, en: text };
};

/** Service-level clocks of requests (SLA-2, SLA-3): started, paused, stopped with the request; checked by the worker. */
export function slaService(
  ctx: ServiceContext,
  deps: { calendar: CalendarService; notifications: NotificationService },
) {
  const { db } = ctx;

  async function settings(executor: Executor = db): Promise<SlaSettings> {
    const parsed = SlaSettings.safeParse(await settingsRepository.get(executor, SETTINGS_KEY));
    return parsed.success ? parsed.data : DEFAULTS;
  }

  /**
   * The settings a clock is started, changed or checked with, kept in memory as the calendar is
   * (issue 7: a statement fewer in every filing and step that starts or changes a clock). A change
   * made through this process applies at once; one made through another, within `REFRESH_MS`.
   */
  let kept: { settings: SlaSettings; readAt: number } | undefined;
  async function settingsInForce(executor: Executor): Promise<SlaSettings> {
    const now = Date.now();
    if (kept && now - kept.readAt < REFRESH_MS) return kept.settings;
    const read = await settings(executor);
    kept = { settings: read, readAt: now };
    return read;
  }

  async function frame(executor: Executor = db): Promise<TimeFrame> {
    const { calendar, hours } = await deps.calendar.load(executor);
    return { calendar, hours };
  }

  /** The instant of a clock's next check: its next warning, its breach, or (once breached) its next chase. */
  function nextCheck(
    clock: Clock,
    f: TimeFrame,
    warningsSent: number,
    breached: boolean,
    s: SlaSettings,
    now: number,
  ): number | null {
    if (clock.status !== 'running') return null;
    if (breached)
      return clock.basis === 'wall'
        ? now + s.chaseIntervalMinutes * 60_000
        : thresholdAfter(f, now, s.chaseIntervalMinutes * 60_000);
    const pending = [...s.warningThresholds].sort((a, b) => a - b).slice(warningsSent);
    return pending.length > 0 ? thresholdAt(clock, f, pending[0]!) : dueAt(clock, f);
  }

  function thresholdAfter(f: TimeFrame, from: number, ms: number): number {
    return dueAt({ basis: 'working', targetMs: ms, status: 'running', consumedMs: 0, runningSince: from }, f)!;
  }

  /**
   * Keeps the request's badge and queue sort key in step with its clocks: all of them, as read
   * now, or as the caller knows them after writing them. Given `hold`, the summary goes there
   * instead, for the caller to write with its own write of the row (`RowHold`).
   */
  async function refreshSummary(
    tx: Executor,
    requestId: string,
    known?: ReadonlyArray<Pick<ClockRow, 'status' | 'breached_at' | 'due_at'>>,
    hold?: RowHold,
  ): Promise<void> {
    const clocks = known ?? (await clockRepository.ofRequest(tx, requestId));
    const running = clocks.filter((c) => c.status === 'running');
    const state: SlaState = running.some((c) => c.breached_at)
      ? 'breached'
      : running.length > 0
        ? 'running'
        : clocks.some((c) => c.status === 'paused')
          ? 'paused'
          : clocks.length > 0
            ? 'met'
            : 'none';
    const due = running.map((c) => c.due_at?.getTime()).filter((t): t is number => t !== undefined);
    const summary = { state, dueAt: due.length > 0 ? new Date(Math.min(...due)) : null };
    if (hold) hold.slaSummary = summary;
    else await requestRepository.setSlaSummary(tx, requestId, summary);
  }

  async function recordClockEvent(
    tx: Executor,
    request: Pick<RequestRow, 'id'>,
    row: ClockRow,
    kind:
      | 'clock_started'
      | 'clock_paused'
      | 'clock_resumed'
      | 'clock_stopped'
      | 'clock_warning'
      | 'clock_breached'
      | 'chased',
    at: Date,
    data: Record<string, unknown> = {},
  ) {
    await requestRepository.appendEvent(tx, {
      requestId: request.id,
      kind,
      actorId: null,
      at,
      data: { clock: row.target_key, label: labelOf(row), ...data },
    });
  }

  async function recipientsFor(tx: Executor, assigneeId: string | null, tier: EscalationTier): Promise<string[]> {
    return assigneeId ? [assigneeId] : deps.notifications.holdersOf(tx, TIER_ROLES[tier]);
  }

  return {
    settings,

    async setSettings(actor: Actor, next: SlaSettings, origin: Origin): Promise<SlaSettings> {
      if (!abilitiesOf(actor).manageSettings) throw new DomainError('forbidden');
      await db.transaction().execute(async (tx) => {
        const before = await settings(tx);
        await settingsRepository.put(tx, SETTINGS_KEY, next, actor.userId, ctx.now());
        await auditRepository.append(tx, {
          actorId: actor.userId,
          action: 'settings.changed',
          objectType: 'setting',
          objectId: SETTINGS_KEY,
          ip: origin.ip,
          data: { before, after: next },
        });
      });
      kept = undefined;
      return next;
    },

    /**
     * Starts clocks by key (the workflow's `startClock` effects, SLA-2). A clock of that key that
     * is already running or paused goes on: re-entering a state does not restart its clock.
     */
    async startClocks(
      tx: Executor,
      request: RequestRow,
      keys: readonly string[],
      known?: readonly ClockRow[],
      hold?: RowHold,
    ): Promise<void> {
      if (!known) await writeHeldClocks(tx, hold);
      const existing = known ?? (await clockRepository.ofRequest(tx, request.id));
      const f = await frame(tx);
      const s = await settingsInForce(tx);
      const now = ctx.now();
      const rows: Array<Insertable<RequestClocksTable> & { status: 'running'; due_at: Date | null }> = [];
      const events = [];
      for (const key of keys) {
        const target = targetOf(key);
        if (!target || existing.some((c) => c.target_key === key && c.status !== 'stopped')) continue;
        if (rows.some((r) => r.target_key === key)) continue;
        const clock = startClock(target.basis, target.targetMs, now.getTime());
        const due = dueAt(clock, f);
        const next = nextCheck(clock, f, 0, false, s, now.getTime());
        rows.push({
          request_id: request.id,
          request_type: request.type,
          target_key: key,
          basis: clock.basis,
          target_ms: clock.targetMs,
          status: 'running',
          consumed_ms: 0,
          running_since: now,
          started_at: now,
          due_at: due === null ? null : new Date(due),
          next_check_at: next === null ? null : new Date(next),
        });
        events.push({
          kind: 'clock_started' as const,
          actorId: null,
          at: now,
          data: {
            clock: key,
            label: target.label,
            dueAt: due === null ? null : new Date(due).toISOString(),
            source: target.source,
          },
        });
      }
      if (rows.length === 0) return;
      // A step's clocks start in three statements, however many there are: the clocks, their
      // history entries, and the request's summary (from the clocks as now written); all three
      // go to the caller's writes when it holds the row.
      if (hold) hold.clocks.push(...rows);
      else await clockRepository.insert(tx, rows);
      await appendHistory(tx, request.id, events, hold);
      await refreshSummary(tx, request.id, [...existing, ...rows.map((r) => ({ ...r, breached_at: null }))], hold);
    },

    /**
     * Stops, pauses or resumes clocks (`*`: all of them) after a workflow step: stop when the
     * step ends the clock's work, pause while the request waits for its requester or a third
     * party, resume when it goes on (SLA-3). The caller holds the request's lock.
     */
    async changeClocks(
      tx: Executor,
      request: RequestRow,
      change: 'stop' | 'pause' | 'resume',
      keys: readonly string[] | '*',
      hold?: RowHold,
      known?: readonly ClockRow[],
    ): Promise<void> {
      await writeHeldClocks(tx, hold);
      const all = known ?? (await clockRepository.ofRequest(tx, request.id));
      const clocks = all.filter((c) => c.status !== 'stopped' && (keys === '*' || keys.includes(c.target_key)));
      if (clocks.length === 0) return;
      const f = await frame(tx);
      const s = await settingsInForce(tx);
      const now = ctx.now();
      const changed = new Map<string, ClockRow>();
      const events = [];
      for (const row of clocks) {
        let clock = clockOf(row);
        let kind: 'clock_stopped' | 'clock_paused' | 'clock_resumed';
        if (change === 'stop') {
          clock = stopClock(clock, f, now.getTime());
          kind = 'clock_stopped';
        } else if (change === 'pause' && clock.status === 'running') {
          clock = pauseClock(clock, f, now.getTime());
          kind = 'clock_paused';
        } else if (change === 'resume' && clock.status === 'paused') {
          clock = resumeClock(clock, now.getTime());
          kind = 'clock_resumed';
        } else continue;
        const due = dueAt(clock, f);
        const next = nextCheck(clock, f, row.warnings_sent, row.breached_at !== null, s, now.getTime());
        const update = {
          status: clock.status,
          consumed_ms: clock.consumedMs,
          running_since: clock.runningSince === null ? null : new Date(clock.runningSince),
          stopped_at: clock.status === 'stopped' ? now : null,
          due_at: due === null ? null : new Date(due),
          next_check_at: next === null ? null : new Date(next),
        };
        await clockRepository.update(tx, row.id, update);
        changed.set(row.id, { ...row, ...update });
        const met = kind === 'clock_stopped' ? clock.consumedMs <= clock.targetMs : undefined;
        events.push({
          kind,
          actorId: null,
          at: now,
          data: {
            clock: row.target_key,
            label: labelOf(row),
            usedMs: clock.consumedMs,
            ...(met === undefined ? {} : { met }),
            ...(due === null ? {} : { dueAt: new Date(due).toISOString() }),
          },
        });
      }
      if (changed.size === 0) return;
      // One history statement for all the clocks, and the summary from the clocks as now written.
      await appendHistory(tx, request.id, events, hold);
      await refreshSummary(
        tx,
        request.id,
        all.map((c) => changed.get(c.id) ?? c),
        hold,
      );
    },

    /**
     * The worker's pass: warns before a breach, records the breach and escalates one tier, then
     * chases until the clock stops. Each clock is handled in its own transaction together with
     * the notices it causes, so a crash loses nothing and repeats nothing.
     */
    async sweep(limit = 200): Promise<{ warnings: number; breaches: number; chases: number }> {
      const counts = { warnings: 0, breaches: 0, chases: 0 };
      const now = ctx.now();
      const due = await clockRepository.claimDue(db, now, limit);
      if (due.length === 0) return counts;
      const f = await frame();
      const s = await settingsInForce(db);
      const thresholds = [...s.warningThresholds].sort((a, b) => a - b);
      for (const candidate of due) {
        await db.transaction().execute(async (tx) => {
          const request = await requestRepository.lock(tx, candidate.request_id);
          const row = (await clockRepository.ofRequest(tx, candidate.request_id)).find((c) => c.id === candidate.id);
          // Another worker may have handled it since it was found.
          if (!request || !row || !row.next_check_at || row.next_check_at > now) return;
          const clock = clockOf(row);
          const t = now.getTime();
          const used = shareUsed(clock, f, t);
          const label = labelOf(row);
          const dueInstant = dueAt(clock, f);
          const params = { number: request.number, title: request.title, clock: label, due: localTime(dueInstant) };
          let warningsSent = row.warnings_sent;
          let breachedAt = row.breached_at;
          let chaseCount = row.chase_count;
          if (clock.status !== 'running') {
            // Nothing to check on a paused or stopped clock.
          } else if (!breachedAt && used >= 1) {
            breachedAt = now;
            warningsSent = thresholds.length;
            const to = nextTier(request.escalation_tier);
            await recordClockEvent(tx, request, row, 'clock_breached', now, {
              dueAt: dueInstant === null ? null : new Date(dueInstant).toISOString(),
            });
            if (to !== request.escalation_tier) {
              await requestRepository.setEscalationTier(tx, request.id, to, now);
              await requestRepository.appendEvent(tx, {
                requestId: request.id,
                kind: 'escalated',
                actorId: null,
                at: now,
                data: { from: request.escalation_tier, to, clock: row.target_key },
              });
            }
            if (request.assignee_id)
              await deps.notifications.notify(tx, [request.assignee_id], 'sla_breach', request.id, params);
            await deps.notifications.notify(
              tx,
              await deps.notifications.holdersOf(tx, TIER_ROLES[to]),
              'sla_escalation',
              request.id,
              { ...params, tier: to },
            );
            counts.breaches++;
          } else if (breachedAt) {
            chaseCount++;
            await recordClockEvent(tx, request, row, 'chased', now, { count: chaseCount });
            await deps.notifications.notify(
              tx,
              await recipientsFor(tx, request.assignee_id, request.escalation_tier),
              'sla_chase',
              request.id,
              params,
            );
            counts.chases++;
          } else {
            const reached = thresholds.filter((x) => used >= x).length;
            if (reached > warningsSent) {
              warningsSent = reached;
              await recordClockEvent(tx, request, row, 'clock_warning', now, { share: thresholds[reached - 1] });
              await deps.notifications.notify(
                tx,
                await recipientsFor(tx, request.assignee_id, request.escalation_tier),
                'sla_warning',
                request.id,
                { ...params, share: thresholds[reached - 1]! },
              );
              counts.warnings++;
            }
          }
          const next = nextCheck(clock, f, warningsSent, breachedAt !== null, s, t);
          await clockRepository.update(tx, row.id, {
            warnings_sent: warningsSent,
            breached_at: breachedAt,
            chase_count: chaseCount,
            next_check_at: next === null ? null : new Date(Math.max(next, t + 1000)),
          });
          await refreshSummary(tx, request.id);
        });
      }
      return counts;
    },

    /** A request's clocks as people read them: target, state, due time, share used. */
    /** A request's clocks with their readings; `rows` when the caller has read them already. */
    async clocksOf(request: Pick<RequestRow, 'id' | 'type' | 'priority'>, rows?: readonly ClockRow[]) {
      const f = await frame();
      const now = ctx.now().getTime();
      return (rows ?? (await clockRepository.ofRequest(db, request.id))).map((row) => {
        const clock = clockOf(row);
        return { row, label: labelOf(row), share: shareUsed(clock, f, now), dueAt: dueAt(clock, f) };
      });
    },
  };
}
export type SlaService = ReturnType<typeof slaService>;
