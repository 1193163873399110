import type { Problem } from '../../shared/api/common.schema.js';
import { ApiError, ContractError } from '../data/client.js';
import type { Language } from '../i18n/index.js';

/** What to tell the user about a failure, in their language. */
export type ProblemText = {
  title: string | null;
  detail: string | null;
  /** Messages by field name (the first segment of the problem's dotted path). */
  fields: Record<string, string>;
};

type Fallbacks = { network: string; contract: string; unknown: string };

function fieldMessages(problem: Problem, language: Language): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const error of problem.errors ?? []) {
    const name = error.field.split('.')[0] ?? error.field;
    const message = language === 'en' ? error.message : error.message_zh;
    fields[name] = fields[name] ? `${fields[name]}${language === 'en' ? '; ' : '、'}${message}` : message;
  }
  return fields;
}

/** Turns any thrown value into text: the problem's own words, else a fallback by kind. */
export function problemText(error: unknown, language: Language, fallbacks: Fallbacks): ProblemText {
  if (error instanceof ApiError && error.problem) {
    const p = error.problem;
    return {
      title: language === 'en' ? p.title : p.title_zh,
      detail: (language === 'en' ? p.detail : p.detail_zh) ?? null,
      fields: fieldMessages(p, language),
    };
  }
  if (error instanceof ApiError) return { title: `HTTP ${error.status}`, detail: fallbacks.unknown, fields: {} };
  if (error instanceof ContractError) return { title: null, detail: fallbacks.contract, fields: {} };
  if (error instanceof TypeError) return { title: null, detail: fallbacks.network, fields: {} };
  return { title: null, detail: fallbacks.unknown, fields: {} };
}

/**
 * The messages of a problem's field errors by their whole dotted path (`form.companyName`,
 * `states.triage.on.accept.target`), for forms that show each at its own field; empty for other failures.
 */
export function problemFieldMessages(error: unknown, language: Language): Record<string, string> {
  const messages: Record<string, string> = {};
  if (!(error instanceof ApiError) || !error.problem) return messages;
  for (const e of error.problem.errors ?? []) {
    const message = language === 'en' ? e.message : e.message_zh;
    const earlier = messages[e.field];
    messages[e.field] = earlier ? `${earlier}${language === 'en' ? '; ' : '、'}${message}` : message;
  }
  return messages;
}
