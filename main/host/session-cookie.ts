/**
 * Server mode's session: the session token lives in a cookie the page's scripts cannot read (HttpOnly), sent over
 * TLS only (Secure), never with a request another site starts (SameSite=Strict), for the whole site (Path=/). The
 * `__Host-` prefix makes the browser refuse the cookie unless it is Secure, has Path=/ and no Domain, so a
 * neighbouring host cannot plant one.
 *
 * CSRF: every POST carries the header {@link CSRF_HEADER}; when a session cookie comes with it, the header must be
 * the session's CSRF token, an HMAC of a fixed text under the session token. The page learns it from the login
 * answer (in place of the session token, which it never sees) or from the page itself, which the server writes it
 * into; another site can read neither. It is bound to the session, so a new login makes a new one, and it needs no
 * store of its own: a restarted server derives the same token for a session that is still valid.
 *
 * @example
 * res.setHeader('Set-Cookie', sessionCookie(token));
 * csrfMatches(req.headers[CSRF_HEADER], sessionFrom(req.headers.cookie)); // true for the page's own requests
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = '__Host-desk-session';
export const CSRF_HEADER = 'x-desk-csrf';
const FLAGS = 'HttpOnly; Secure; SameSite=Strict; Path=/';

/** The Set-Cookie value that starts a browser session with `token` (no Max-Age: it ends when the browser closes). */
export function sessionCookie(token: string): string {
  return `${SESSION_COOKIE}=${token}; ${FLAGS}`;
}

/** The Set-Cookie value that removes the session cookie (logout, or a session the core no longer knows). */
export function clearedSessionCookie(): string {
  return `${SESSION_COOKIE}=; ${FLAGS}; Max-Age=0`;
}

/** The session token from a Cookie header, or null. Tokens are base64url, so anything else is not one of ours. */
export function sessionFrom(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return /^[A-Za-z0-9_-]{16,128}$/.test(value) ? value : null;
  }
  return null;
}

export function csrfTokenFor(session: string): string {
  return createHmac('sha256', session).update('petition-desk csrf').digest('base64url');
}

/** Whether a secret given with a request is the expected one, in constant time (the launch token, a CSRF token). */
export function sameToken(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Whether the CSRF header is the session's token (constant time). */
export function csrfMatches(header: string | string[] | undefined, session: string): boolean {
  return typeof header === 'string' && sameToken(header, csrfTokenFor(session));
}
