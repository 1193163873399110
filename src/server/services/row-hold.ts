import type { Executor } from '../../db/database.js';
import { requestRepository, type HistoryEntry, type SlaSummary } from '../../db/repositories/request.repository.js';

/**
 * What a filing's or a step's effects leave to the caller, when it holds the request's row
 * (issue 7): the assignees they change in the row in memory, the clocks' service-level summary
 * and the history entries, in order. The caller then writes the history in one statement and the
 * row in one more: a filing inserts its row last, with its number; a step whose effects keep the
 * facts writes its workflow state after them. Without a hold, effects write at once.
 */
export type RowHold = { slaSummary?: SlaSummary; history: HistoryEntry[] };

/** A hold whose history starts with the caller's own entry (the filing's `created`, a step's `transition`). */
export function rowHold(...first: HistoryEntry[]): RowHold {
  return { history: [...first] };
}

/** Appends entries to a request's history: held for the caller when it holds the row, else at once. */
export async function appendHistory(
  tx: Executor,
  requestId: string,
  entries: readonly HistoryEntry[],
  hold: RowHold | undefined,
): Promise<void> {
  if (hold) hold.history.push(...entries);
  else await requestRepository.appendEvents(tx, requestId, entries);
}
