// Calls to the gateway's backend-for-frontend (BFF). The session lives in an HttpOnly
// cookie set by the gateway, so all calls are same-origin with credentials: 'same-origin'.

export type FetchFn = (input: string, init?: RequestInit) => Promise<Response>;

export interface Me {
  name: string;
  givenName: string;
  roles: string[];
  previousLoginAt: string | null;
}

export type MeResult =
  | { kind: 'signed-in'; me: Me }
  | { kind: 'anonymous' }
  | { kind: 'error'; status: number | null; title: string | null };

export type LogoutResult =
  | { kind: 'redirect'; url: string }
  | { kind: 'already-logged-out' }
  | { kind: 'error' };

export async function fetchMe(fetchFn: FetchFn): Promise<MeResult> {
  let response: Response;
  try {
    response = await fetchFn('/bff/me', {
      method: 'GET',
      credentials: 'same-origin',
      headers: { Accept: 'application/json' },
    });
  } catch {
    return { kind: 'error', status: null, title: null }; // offline, DNS, TLS, ...
  }
  if (response.status === 401) {
    return { kind: 'anonymous' };
  }
  if (!response.ok) {
    return { kind: 'error', status: response.status, title: await problemTitle(response) };
  }
  const me = parseMe(await readJson(response));
  return me ? { kind: 'signed-in', me } : { kind: 'error', status: response.status, title: null };
}

export async function logout(fetchFn: FetchFn, baseUrl: string): Promise<LogoutResult> {
  let response: Response;
  try {
    response = await fetchFn('/bff/logout', {
      method: 'POST',
      credentials: 'same-origin',
      // The custom header is the gateway's CSRF guard: a cross-site form cannot send it.
      headers: { Accept: 'application/json', 'X-Portal-Request': '1' },
    });
  } catch {
    return { kind: 'error' };
  }
  if (response.status === 401) {
    return { kind: 'already-logged-out' };
  }
  if (!response.ok) {
    return { kind: 'error' };
  }
  const body = await readJson(response);
  const redirect = isRecord(body) ? body.redirect : undefined;
  const url = typeof redirect === 'string' ? safeHttpUrl(redirect, baseUrl) : null;
  return url ? { kind: 'redirect', url } : { kind: 'error' };
}

/** Only http(s) targets: never follow a javascript: or data: URL handed back by a server. */
export function safeHttpUrl(value: string, baseUrl: string): string | null {
  try {
    const url = new URL(value, baseUrl);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

function parseMe(body: unknown): Me | null {
  if (!isRecord(body) || typeof body.name !== 'string' || body.name.trim() === '') {
    return null;
  }
  const previous = body.previousLoginAt;
  return {
    name: body.name,
    givenName: typeof body.givenName === 'string' ? body.givenName : '',
    roles: Array.isArray(body.roles) ? body.roles.filter((r): r is string => typeof r === 'string') : [],
    previousLoginAt: typeof previous === 'string' ? previous : null,
  };
}

/** The `title` of an RFC 9457 problem+json answer, shortened; null if there is none. */
async function problemTitle(response: Response): Promise<string | null> {
  const type = response.headers.get('Content-Type') ?? '';
  if (!type.includes('json')) {
    return null;
  }
  const body = await readJson(response);
  const title = isRecord(body) ? body.title : undefined;
  return typeof title === 'string' && title.trim() !== '' ? title.trim().slice(0, 200) : null;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
