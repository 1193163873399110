/**
 * Issue 7: a request's clocks by request again. 20261123T1100 replaced the unique
 * `(request_id, target_key)` with one over open clocks only, which a lookup of all of a request's
 * clocks cannot use: at a million requests every request page, filing and step read all 2.2
 * million clocks (150–330 ms each). In the order `clockRepository.ofRequest` reads them.
 */
export const up = [`create index request_clocks_request_idx on request_clocks (request_id, started_at, target_key)`];
