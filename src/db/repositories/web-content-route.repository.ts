import type { WebContentRoute } from '../../shared/api/workflow.schema.js';
import type { Executor } from '../database.js';

/** 附件二, the website's maintenance table (TYPE-4). */
export const webContentRouteRepository = {
  async all(db: Executor): Promise<WebContentRoute[]> {
    const rows = await db.selectFrom('web_content_routes').selectAll().orderBy('sort_order').execute();
    return rows.map((r) => ({
      menu: r.menu,
      item: r.item,
      responsibleUnit: r.responsible_unit,
      dataProvider: r.data_provider,
      note: r.note,
      selfService: r.self_service,
    }));
  },

  /** Replaces the whole table, keeping the given order. */
  async replace(db: Executor, rows: readonly WebContentRoute[]): Promise<void> {
    await db.deleteFrom('web_content_routes').execute();
    if (rows.length === 0) return;
    await db
      .insertInto('web_content_routes')
      .values(
        rows.map((r, i) => ({
          sort_order: i + 1,
          menu: r.menu,
          item: r.item,
          responsible_unit: r.responsibleUnit,
          data_provider: r.dataProvider,
          note: r.note,
          self_service: r.selfService,
        })),
      )
      .execute();
  },
};
