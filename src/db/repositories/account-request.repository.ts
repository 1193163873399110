import type { AccountRequestStatus } from '../../shared/api/account-request.schema.js';
import type { Role, UserKind } from '../../shared/roles.js';
import type { Executor } from '../database.js';

/** Requests for accounts (SEC-2) and their two decisions. */
export const accountRequestRepository = {
  insert(
    db: Executor,
    r: {
      username: string;
      displayName: string;
      email: string;
      phone: string | null;
      unitId: string;
      kind: UserKind;
      expiresOn: string | null;
      roles: ReadonlyArray<{ role: Role; unitId: string | null }>;
      reason: string;
      requestedBy: string;
      at: Date;
    },
  ) {
    return db
      .insertInto('account_requests')
      .values({
        status: 'pending_supervisor',
        username: r.username,
        display_name: r.displayName,
        email: r.email,
        phone: r.phone,
        unit_id: r.unitId,
        kind: r.kind,
        expires_on: r.expiresOn,
        roles: JSON.stringify(r.roles),
        reason: r.reason,
        requested_by: r.requestedBy,
        requested_at: r.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  },

  /** Requests with the names of the people involved, newest first. */
  list(db: Executor, filter: { id?: string; status?: AccountRequestStatus | undefined }) {
    let q = db
      .selectFrom('account_requests as a')
      .innerJoin('units as unit', 'unit.id', 'a.unit_id')
      .innerJoin('users as rq', 'rq.id', 'a.requested_by')
      .leftJoin('users as sv', 'sv.id', 'a.supervisor_id')
      .leftJoin('users as ad', 'ad.id', 'a.admin_id')
      .selectAll('a')
      .select([
        'unit.name as unit_name',
        'rq.display_name as requested_by_name',
        'sv.display_name as supervisor_name',
        'ad.display_name as admin_name',
      ]);
    if (filter.id) q = q.where('a.id', '=', filter.id);
    if (filter.status) q = q.where('a.status', '=', filter.status);
    return q.orderBy('a.requested_at', 'desc').limit(500).execute();
  },

  pendingWithUsername(db: Executor, username: string) {
    return db
      .selectFrom('account_requests')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['username']), '=', username.toLowerCase()))
      .where('status', 'in', ['pending_supervisor', 'pending_admin'])
      .executeTakeFirst();
  },

  lock(db: Executor, id: string) {
    return db.selectFrom('account_requests').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  decide(
    db: Executor,
    id: string,
    step: 'supervisor' | 'admin',
    d: { by: string; at: Date; note: string; status: AccountRequestStatus; createdUserId?: string },
  ): Promise<unknown> {
    const set =
      step === 'supervisor'
        ? { supervisor_id: d.by, supervisor_at: d.at, supervisor_note: d.note, status: d.status }
        : {
            admin_id: d.by,
            admin_at: d.at,
            admin_note: d.note,
            status: d.status,
            created_user_id: d.createdUserId ?? null,
          };
    return db.updateTable('account_requests').set(set).where('id', '=', id).execute();
  },
};
