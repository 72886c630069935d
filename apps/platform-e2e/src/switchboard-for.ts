import { request } from 'node:http';
import { Switchboard, SwitchboardError, type RunRecord } from '@switchboard/sdk';
import { rejectionOf, type Platform, type WorkspaceCredentials } from '@switchboard/testing';

/** The SDK's refusal of a call that should have been refused, for its status, code and message. */
export const refusal = (call: Promise<unknown>): Promise<SwitchboardError> => rejectionOf(call, SwitchboardError);

/** An SDK client for a workspace of the platform under test, built the way a user builds one. */
export function switchboardFor(platform: Platform, credentials: WorkspaceCredentials): Switchboard {
  return new Switchboard({ ...credentials, url: platform.url });
}

/** A run's record once it is there: records are written after the reply, in batches, so this polls for it. */
export async function writtenRunRecord(switchboard: Switchboard, runId: string): Promise<RunRecord> {
  for (;;) {
    try {
      return await switchboard.actions.runs.fetch(runId);
    } catch (error) {
      if (!(error instanceof SwitchboardError && error.code === 'run_not_found')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/**
 * Raw HTTP with a workspace's credentials, for what the SDK deliberately cannot send (bad types, huge bodies, other
 * content types: `contentType` replaces `application/json`, and `null` sends none).
 */
export async function gatewayRequest(
  platform: Platform,
  credentials: WorkspaceCredentials | undefined,
  method: string,
  path: string,
  body?: unknown,
  contentType: string | null = 'application/json',
): Promise<{ status: number; body: { code?: string; message?: string; details?: unknown } & Record<string, unknown> }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (credentials) {
    headers['x-switchboard-workspace-id'] = credentials.workspace_id;
    headers['x-switchboard-user-id'] = credentials.user_id;
    headers.authorization = `Bearer ${credentials.private_key}`;
  }
  if (body !== undefined && contentType !== null) headers['content-type'] = contentType;
  const response = await fetch(`${platform.url}${path}`, {
    method,
    headers,
    // Bytes, because fetch() labels a string body text/plain itself.
    body: body === undefined ? undefined : new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)),
  });
  return { status: response.status, body: (await response.json()) as { code?: string } & Record<string, unknown> };
}

/**
 * Announces a JSON body of `contentLength` bytes and waits for the answer before sending any of it. The gateway
 * refuses an oversized body from its Content-Length alone and then closes the connection, so a body being written
 * meanwhile would race that close (a client sees EPIPE instead of the answer).
 */
export function announceBody(
  platform: Platform,
  credentials: WorkspaceCredentials,
  method: string,
  path: string,
  contentLength: number,
): Promise<{ status: number; body: { code?: string; message?: string } & Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${platform.url}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        'content-length': contentLength,
        'x-switchboard-workspace-id': credentials.workspace_id,
        'x-switchboard-user-id': credentials.user_id,
        authorization: `Bearer ${credentials.private_key}`,
      },
    });
    outgoing.on('error', reject);
    outgoing.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        outgoing.destroy();
        resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as { code?: string } & Record<string, unknown> });
      });
    });
    outgoing.flushHeaders();
  });
}
