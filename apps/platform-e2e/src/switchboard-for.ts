import { request } from 'node:http';
import { Switchboard } from '@switchboard/sdk';
import type { Platform, WorkspaceCredentials } from '@switchboard/testing';

/** An SDK client for a workspace of the platform under test, built the way a user builds one. */
export function switchboardFor(platform: Platform, credentials: WorkspaceCredentials): Switchboard {
  return new Switchboard({ ...credentials, url: platform.url });
}

/**
 * Raw HTTP with a workspace's credentials, for what the SDK deliberately cannot send (bad types, huge bodies, other
 * content types: `contentType` replaces `application/json`, and `null` sends none). Made with node:http rather than
 * fetch(): the gateway answers an oversized body with 413 from its Content-Length and may close the connection
 * before reading the rest, which fetch() reports as a failed write instead of the answer.
 */
export function gatewayRequest(
  platform: Platform,
  credentials: WorkspaceCredentials | undefined,
  method: string,
  path: string,
  body?: unknown,
  contentType: string | null = 'application/json',
): Promise<{ status: number; body: { code?: string; message?: string; details?: unknown } & Record<string, unknown> }> {
  const headers: Record<string, string | number> = { accept: 'application/json' };
  if (credentials) {
    headers['x-switchboard-workspace-id'] = credentials.workspace_id;
    headers['x-switchboard-user-id'] = credentials.user_id;
    headers.authorization = `Bearer ${credentials.private_key}`;
  }
  const bytes = body === undefined ? undefined : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  if (bytes !== undefined) {
    if (contentType !== null) headers['content-type'] = contentType;
    headers['content-length'] = bytes.length;
  }
  return new Promise((resolve, reject) => {
    let answered = false;
    const outgoing = request(`${platform.url}${path}`, { method, headers }, (response) => {
      answered = true;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        try {
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as { code?: string } & Record<string, unknown> });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
    // A write cut short after the answer came (the 413 above) is the answer, not a failure.
    outgoing.on('error', (error) => {
      if (!answered) reject(error);
    });
    outgoing.end(bytes);
  });
}
