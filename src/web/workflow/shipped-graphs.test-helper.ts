import { loadShippedDefinitions } from '../../domain/workflow/shipped.js';
import { toGraph } from '../../domain/workflow/graph.js';
import { FlowGraph, type RequestTypeInfo } from '../../shared/api/workflow.schema.js';

/**
 * The flows of the seven shipped definitions as GET /api/request-types sends them (checked against
 * the shared FlowGraph schema), for the web's tests: the diagram must draw every real flow.
 */
export function shippedFlows(): Array<{ type: string; graph: FlowGraph; actions: RequestTypeInfo['actions'] }> {
  return loadShippedDefinitions().map((wf) => ({
    type: wf.definition.type,
    graph: FlowGraph.parse(toGraph(wf)),
    actions: Object.fromEntries(
      Object.entries(wf.definition.actions).map(([name, a]) => [
        name,
        { label: a.label, description: a.description ?? null },
      ]),
    ),
  }));
}
