import { SESSION_COOKIE } from '@switchboard/contracts';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyReply } from 'fastify';

// Secure 'auto': @fastify/cookie adds Secure when the request came over https (request.protocol, which follows the
// gateway's trust-proxy setting), so a plain-http localhost still signs in while every https deployment is protected.
const COOKIE_ATTRIBUTES: CookieSerializeOptions = { httpOnly: true, sameSite: 'strict', path: '/', secure: 'auto' };

/** Sets the session cookie, expiring with the session so the browser drops it then too. */
export function setSessionCookie(reply: FastifyReply, token: string, expiresAt: Date): void {
  void reply.setCookie(SESSION_COOKIE, token, { ...COOKIE_ATTRIBUTES, expires: expiresAt });
}

/** Tells the browser to forget the session cookie. */
export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, COOKIE_ATTRIBUTES);
}
