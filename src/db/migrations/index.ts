import * as createCoreTables from './20261122T0900-create-core-tables.js';
import * as createCalendar from './20261123T0100-create-calendar-and-settings.js';
import * as addServiceLevels from './20261123T0200-add-service-levels-and-notifications.js';
import * as addSignInProtection from './20261123T0300-add-sign-in-protection.js';
import * as addAccountLifecycle from './20261123T0400-add-account-lifecycle.js';
import * as addWorkflowDefinitions from './20261123T0500-add-workflow-definitions.js';
import * as addWorkflowEvents from './20261123T0600-add-workflow-events.js';
import * as addWebContentRouting from './20261123T0700-add-web-content-routing.js';
import * as addWaitingKeys from './20261123T0800-add-waiting-keys.js';
import * as keepDefinitionKeyOrder from './20261123T0900-keep-definition-key-order.js';
import * as addSearchQueueAndReportIndexes from './20261123T1000-add-search-queue-and-report-indexes.js';
import * as addDataCentre from './20261123T1100-add-data-centre-and-asset-register.js';
import * as addRuleChangeNotices from './20261123T1200-add-rule-change-notices.js';
import * as indexClocksByRequest from './20261123T1250-index-clocks-by-request.js';
import * as indexShortSearchTerms from './20261123T1300-index-short-search-terms.js';
import * as searchShortTermsByPairs from './20261123T2100-search-short-terms-by-pairs.js';
import * as searchGramsInOnePass from './20261123T2300-search-grams-in-one-pass.js';
import * as tallyServiceLevelOutcomes from './20261124T0700-tally-service-level-outcomes.js';
import * as appendAuditRecordsInOneCall from './20261124T0930-append-audit-records-in-one-call.js';
import * as timeOrderedIds from './20261124T1900-time-ordered-ids.js';
import * as checkRequestReferencesAtCommit from './20261124T2200-check-request-references-at-commit.js';

/**
 * Every migration, in order. A migration is a list of SQL statements; once landed it is never
 * edited: a change to the schema is a new file added to the end of this list.
 */
export const MIGRATIONS: ReadonlyArray<{ name: string; up: readonly string[] }> = [
  { name: '20261122T0900-create-core-tables', up: createCoreTables.up },
  { name: '20261123T0100-create-calendar-and-settings', up: createCalendar.up },
  { name: '20261123T0200-add-service-levels-and-notifications', up: addServiceLevels.up },
  { name: '20261123T0300-add-sign-in-protection', up: addSignInProtection.up },
  { name: '20261123T0400-add-account-lifecycle', up: addAccountLifecycle.up },
  { name: '20261123T0500-add-workflow-definitions', up: addWorkflowDefinitions.up },
  { name: '20261123T0600-add-workflow-events', up: addWorkflowEvents.up },
  { name: '20261123T0700-add-web-content-routing', up: addWebContentRouting.up },
  { name: '20261123T0800-add-waiting-keys', up: addWaitingKeys.up },
  { name: '20261123T0900-keep-definition-key-order', up: keepDefinitionKeyOrder.up },
  { name: '20261123T1000-add-search-queue-and-report-indexes', up: addSearchQueueAndReportIndexes.up },
  { name: '20261123T1100-add-data-centre-and-asset-register', up: addDataCentre.up },
  { name: '20261123T1200-add-rule-change-notices', up: addRuleChangeNotices.up },
  { name: '20261123T1250-index-clocks-by-request', up: indexClocksByRequest.up },
  { name: '20261123T1300-index-short-search-terms', up: indexShortSearchTerms.up },
  { name: '20261123T2100-search-short-terms-by-pairs', up: searchShortTermsByPairs.up },
  { name: '20261123T2300-search-grams-in-one-pass', up: searchGramsInOnePass.up },
  { name: '20261124T0700-tally-service-level-outcomes', up: tallyServiceLevelOutcomes.up },
  { name: '20261124T0930-append-audit-records-in-one-call', up: appendAuditRecordsInOneCall.up },
  { name: '20261124T1900-time-ordered-ids', up: timeOrderedIds.up },
  { name: '20261124T2200-check-request-references-at-commit', up: checkRequestReferencesAtCommit.up },
];
