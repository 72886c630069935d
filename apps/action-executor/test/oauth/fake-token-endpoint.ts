import type { ServerResponse } from 'node:http';
import type { OAuthGrant } from '../../src/runs/oauth/oauth-grant.js';
import { startLocalUpstream, type LocalUpstream, type SeenRequest } from '../outbound/local-upstream.js';

/** What the fake token endpoint does with one request. */
export type TokenReply = (request: SeenRequest, response: ServerResponse, index: number) => void;

/** A JSON answer. */
export const answer =
  (status: number, body: unknown, headers: Record<string, string> = {}): TokenReply =>
  (_request, response) => {
    response.writeHead(status, { 'content-type': 'application/json', ...headers });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

/** Issues `token-1`, `token-2`, … (numbered by request), each valid for an hour. */
export const issueNumberedTokens: TokenReply = (request, response, index) =>
  answer(200, { access_token: `token-${index + 1}`, token_type: 'Bearer', expires_in: 3600 })(request, response, index);

/** A token endpoint on 127.0.0.1 answering with `reply`, replaceable between steps of a test. */
export interface FakeTokenEndpoint {
  readonly url: string;
  readonly upstream: LocalUpstream;
  /** Token requests received so far. */
  readonly count: number;
  /** The form fields of request `index`. */
  form(index: number): Record<string, string>;
  reply: TokenReply;
}

/** Starts an endpoint that, until told otherwise, issues `token-1`, `token-2`, … valid for an hour. */
export async function startFakeTokenEndpoint(): Promise<FakeTokenEndpoint> {
  let reply: TokenReply = issueNumberedTokens;
  const upstream = await startLocalUpstream((request, response, index) => reply(request, response, index));
  return {
    url: `${upstream.url}/oauth/token`,
    upstream,
    get count() {
      return upstream.seen.length;
    },
    form: (index) => Object.fromEntries(new URLSearchParams(upstream.seen[index]?.body.toString('utf8') ?? '')),
    get reply() {
      return reply;
    },
    set reply(next: TokenReply) {
      reply = next;
    },
  };
}

/** A client-credentials grant against `tokenUrl`, with `overrides`. */
export function clientCredentialsGrant(tokenUrl: string, overrides: Partial<OAuthGrant> = {}): OAuthGrant {
  return {
    schemeTag: 'oauth',
    type: 'oauth2_client_credentials',
    tokenUrl: new URL(tokenUrl),
    scopes: [],
    audience: null,
    clientAuth: 'body',
    clientId: 'client-abc',
    clientSecret: 'secret-do-not-leak-123',
    refreshToken: undefined,
    ...overrides,
  };
}
