/**
 * Issue 7: a one- or two-character term was looked up with all its grams, `grams(text) @>
 * '{網,網路,路}'`. The planner multiplies the three grams' frequencies as if they were independent
 * (a text with 網路 always holds 網 and 路), so at a million requests it expected 210 matches of
 * 網路 where there were 99,300, and sorted all of them for a page of fifty (0.56 s) instead of
 * walking the newest requests. `govdesk_search_pairs` gives only what a term needs: its pairs of
 * neighbouring characters (which imply its characters), or its one character. Every one of them
 * is among `govdesk_search_grams` of a text that contains the term, so the same index answers,
 * and the planner estimates a single gram from the index's statistics.
 */
export const up = [
  `create function govdesk_search_pairs(t text) returns text[]
    language sql immutable strict parallel safe
    as $$
      select case when length(t) < 2 then array[lower(t)]
        else (select coalesce(array_agg(distinct substr(s, i, 2)), '{}')
              from (select lower(t) as s) x, generate_series(1, length(x.s) - 1) i)
      end
    $$`,
];
