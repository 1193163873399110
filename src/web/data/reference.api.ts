import { WebContentRouting, type WebContentRoute } from '../../shared/api/workflow.schema.js';
import { apiCall } from './client.js';

/** The reference tables the workflows consult (issue 3). */

const ROUTING_PATH = '/api/reference/web-content-routing';

/** 附件二 (TYPE-4): which unit maintains each part of the website; anyone signed in may read it. */
export const getWebContentRouting = () => apiCall(ROUTING_PATH, WebContentRouting);

/** Replaces 附件二 (administrators); a 400 names each field at fault as `rows.<index>.<field>`. */
export const putWebContentRouting = (rows: readonly WebContentRoute[]) =>
  apiCall(ROUTING_PATH, WebContentRouting, { method: 'PUT', body: { rows } });
