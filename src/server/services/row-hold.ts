import type { Executor } from '../../db/database.js';
import { clockRepository } from '../../db/repositories/clock.repository.js';
import {
  requestRepository,
  type HistoryEntry,
  type NewClock,
  type SlaSummary,
} from '../../db/repositories/request.repository.js';

/**
 * What a filing's or a step's effects leave to the caller, when it holds the request's row
 * (issue 7): the assignees they change in the row in memory, the clocks' service-level summary,
 * the clocks they start and the history entries, in order. The caller then writes them together:
 * a filing its clocks, history and row (last, with its number) in one statement; a step whose
 * effects keep the facts its clocks and history in one, and its workflow state in one update.
 * Without a hold, effects write at once.
 */
export type RowHold = { slaSummary?: SlaSummary; history: HistoryEntry[]; clocks: NewClock[] };

/** A hold whose history starts with the caller's own entry (the filing's `created`, a step's `transition`). */
export function rowHold(...first: HistoryEntry[]): RowHold {
  return { history: [...first], clocks: [] };
}

/** Writes the clocks held so far, before anything reads the request's clocks from the database. */
export async function writeHeldClocks(tx: Executor, hold: RowHold | undefined): Promise<void> {
  if (hold && hold.clocks.length > 0) await clockRepository.insert(tx, hold.clocks.splice(0));
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
