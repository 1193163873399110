import { Problem } from '../../shared/api/common.schema.js';
import { actorOf, originOf } from '../plugins/authentication.js';
import { SlaSettings } from '../../shared/api/sla.schema.js';
import type { App, RouteDeps } from './types.js';

/** SLA-3: the agency's warning thresholds and chasing interval. */
export function slaRoutes(app: App, deps: RouteDeps): void {
  app.get(
    '/api/settings/sla',
    {
      schema: {
        tags: ['service levels'],
        summary: 'Warning thresholds and the chasing interval',
        response: { 200: SlaSettings },
      },
    },
    async () => deps.sla.settings(),
  );

  app.put(
    '/api/settings/sla',
    {
      schema: {
        tags: ['service levels'],
        summary: 'Change the warning thresholds and the chasing interval (administrators)',
        body: SlaSettings,
        response: { 200: SlaSettings, 400: Problem, 403: Problem },
      },
    },
    async (request) => deps.sla.setSettings(actorOf(request), request.body, originOf(request)),
  );
}
