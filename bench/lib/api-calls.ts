/** The API calls the bench's scenarios make, shared by `npm run bench` and the side-by-side run. */

/** The demo agency's users' password in the bench's data (GOVDESK_DEMO_PASSWORD at its first start). */
export const BENCH_PASSWORD = 'Bench-pass-2026!';

/**
 * Signs `username` in and makes a personal API token for the load generator: its `Authorization`
 * header (no session cookie, no CSRF token), the user's id and unit.
 */
export async function signInToken(url: string, username: string, password: string) {
  const login = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${username} failed: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('govdesk_session='))!
    .split(';')[0]!;
  const { csrfToken, user } = (await login.json()) as { csrfToken: string; user: { id: string; unitId: string } };
  const res = await fetch(`${url}/api/me/tokens`, {
    method: 'POST',
    headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench' }),
  });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`token for ${username}: ${res.status} ${await res.text()}`);
  const { token } = (await res.json()) as { token: string };
  return { headers: { authorization: `Bearer ${token}` }, userId: user.id, unitId: user.unitId };
}

/** The agent's queue: submitted general requests by due time, a page of fifty (desk01). */
export const QUEUE_PATH = '/api/requests?status=submitted&type=general&sort=dueAt&pageSize=50';

/** A requester's own requests (staff01). */
export const MINE_PATH = '/api/requests?mine=true&pageSize=50';

const SEARCH_TERMS = ['印表機', '無法登入', '公文系統', '網路', '視訊會議', '防毒軟體'];

/** The `i`th Chinese text search: six terms in turn, one and two characters among them. */
export function searchPath(i: number): string {
  return `/api/requests?q=${encodeURIComponent(SEARCH_TERMS[i % SEARCH_TERMS.length]!)}&pageSize=50`;
}

/**
 * A general request (000 附件一) by a requester of `unitId`: filed by staff01, whose unit has no
 * supervisors, it lands at the desk, ready for `receive`.
 */
export function filingBody(unitId: string): string {
  return JSON.stringify({
    type: 'general',
    unitId,
    applicantName: '王小明',
    applicantPhone: '04-2565-8588 #123',
    applicationDate: new Date().toISOString().slice(0, 10),
    wishedDate: new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10),
    title: '辦公室印表機無法列印',
    description: '三樓東側印表機卡紙後無法列印，請協助處理。',
    form: {},
  });
}
