/** A signed-in user of the running server: the session cookie and the CSRF token for writes. */
export interface Session {
  cookie: string;
  csrfToken: string;
  /** Headers for reads; add `x-csrf-token` for writes (see writeHeaders). */
  headers: Record<string, string>;
  writeHeaders: Record<string, string>;
}

export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`Sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.getSetCookie?.() ?? [res.headers.get('set-cookie') ?? ''])
    .map((c) => c.split(';')[0])
    .find((c) => c.startsWith('crm_session='));
  if (!cookie) throw new Error('Sign-in gave no session cookie');
  const info = (await res.json()) as { csrfToken: string };
  const headers = { cookie };
  return {
    cookie,
    csrfToken: info.csrfToken,
    headers,
    writeHeaders: { ...headers, 'x-csrf-token': info.csrfToken, 'content-type': 'application/json' },
  };
}
