import { Switchboard } from '@switchboard/sdk';
import type { Platform, WorkspaceCredentials } from '@switchboard/testing';

/** An SDK client for a workspace of the platform under test, built the way a user builds one. */
export function switchboardFor(platform: Platform, credentials: WorkspaceCredentials): Switchboard {
  return new Switchboard({ ...credentials, url: platform.url });
}

/** Raw HTTP with a workspace's credentials, for what the SDK deliberately cannot send (bad types, huge bodies). */
export async function gatewayRequest(
  platform: Platform,
  credentials: WorkspaceCredentials | undefined,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: { code?: string; message?: string; details?: unknown } & Record<string, unknown> }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (credentials) {
    headers['x-switchboard-workspace-id'] = credentials.workspace_id;
    headers['x-switchboard-user-id'] = credentials.user_id;
    headers.authorization = `Bearer ${credentials.private_key}`;
  }
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${platform.url}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as { code?: string } & Record<string, unknown> };
}
