/** Request workflows as data (issue 3): the definition format, its loader, the engine, the graph. */
export * from './definition.schema.js';
export * from './facts.js';
export { actorMatches, actorAllowed } from './actors.js';
export { holds, readPath, type EvalContext } from './conditions.js';
export type { Effect } from './effects.js';
export {
  RULES,
  RULE_NAMES,
  LEVEL_OF_GRADE,
  GRADE_OF_LEVEL,
  incidentGradeOf,
  type RuleName,
  type RuleFailure,
} from './rules.js';
export {
  loadDefinition,
  workflowKey,
  fieldsSchemaOf,
  type Workflow,
  type LoadResult,
  type DefinitionIssue,
} from './validate.js';
export {
  initialState,
  applyAction,
  availableActions,
  pendingActions,
  describeState,
  statusOf,
  stageOf,
  activeStateIds,
  type StepOk,
  type StepResult,
  type ActionInput,
  type AvailableAction,
  type PendingAction,
} from './engine.js';
export { waitingKeys, actorKeys } from './waiting.js';
export { toGraph, type WorkflowGraph, type GraphNode, type GraphEdge } from './graph.js';
export { exportDefinition, importDefinition, checkNewVersion, WorkflowCatalogue } from './versioning.js';
