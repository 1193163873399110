/**
 * Issue 7: one- and two-character search terms (網路, 帳號, 乙) found in every request, not only
 * the newest. pg_trgm needs three letters or digits in a row, so a short term had no index to use
 * and was searched in the newest 20,000 requests. `govdesk_search_grams` gives every character
 * and every pair of neighbouring characters of a text, lower-cased; a text that contains a term
 * holds all of the term's grams, so `grams(text) @> grams(term)` narrows a search through a GIN
 * index and `like` then checks the candidates. The index is over an expression (the searched
 * text of request.repository.ts, character for character), so rows carry no extra column and
 * nothing that writes a request changes. No splitting at spaces or punctuation: what the function
 * returns depends on no locale, and holds for any term.
 */
export const up = [
  `create function govdesk_search_grams(t text) returns text[]
    language sql immutable strict parallel safe
    as $$
      select coalesce(array_agg(g), '{}') from (
        select substr(s, i, 1) as g from (select lower(t) as s) x, generate_series(1, length(x.s)) i
        union
        select substr(s, i, 2) from (select lower(t) as s) x, generate_series(1, length(x.s) - 1) i
      ) grams
    $$`,
  `create index requests_search_grams_idx on requests
    using gin (govdesk_search_grams(number || ' ' || title || ' ' || description || ' ' || applicant_name))`,
];
