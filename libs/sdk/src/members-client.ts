import type { HttpClient } from './http-client.js';
import { encodePathSegment } from './path-segment.js';
import type { ApiKey, CreateApiKeyInput, CreatedMember, CreateMemberInput, IssuedApiKey, Member, UpdateMemberInput } from './types.js';

/** A member's API keys: `switchboard.members.keys`. Members manage their own; admins anyone's. */
export class MemberKeysClient {
  readonly #http: HttpClient;

  constructor(http: HttpClient) {
    this.#http = http;
  }

  /** The member's keys: names, expiry, last use; never a key itself. */
  async fetchAll(userId: string): Promise<ApiKey[]> {
    return await this.#http.request<ApiKey[]>('GET', keysPath(userId));
  }

  /** A new key; its `private_key` is in this reply only. */
  async create(userId: string, input: CreateApiKeyInput): Promise<IssuedApiKey> {
    return await this.#http.request<IssuedApiKey>('POST', keysPath(userId), input);
  }

  /** A new `private_key` under the same key id; the old one is refused from then on. */
  async rotate(userId: string, keyId: string): Promise<IssuedApiKey> {
    return await this.#http.request<IssuedApiKey>('POST', `${keysPath(userId)}/${encodePathSegment('keyId', keyId)}/rotate`, {});
  }

  /** Revokes the key at once, on every gateway. */
  async revoke(userId: string, keyId: string): Promise<ApiKey> {
    return await this.#http.request<ApiKey>('DELETE', `${keysPath(userId)}/${encodePathSegment('keyId', keyId)}`);
  }
}

/** Workspace members and their roles: `switchboard.members`. */
export class MembersClient {
  readonly #http: HttpClient;
  readonly keys: MemberKeysClient;

  constructor(http: HttpClient) {
    this.#http = http;
    this.keys = new MemberKeysClient(http);
  }

  async fetchAll(): Promise<Member[]> {
    return await this.#http.request<Member[]>('GET', '/v1/members');
  }

  async fetch(userId: string): Promise<Member> {
    return await this.#http.request<Member>('GET', memberPath(userId));
  }

  /** Adds a member (admins only); the reply holds their first key, shown once. */
  async create(input: CreateMemberInput): Promise<CreatedMember> {
    return await this.#http.request<CreatedMember>('POST', '/v1/members', input);
  }

  /** Renames a member or changes their role (admins only; the owner's role stays). */
  async update(userId: string, changes: UpdateMemberInput): Promise<Member> {
    return await this.#http.request<Member>('PATCH', memberPath(userId), changes);
  }

  /** Removes a member with their keys and sessions (admins only; never the owner). */
  async remove(userId: string): Promise<Member> {
    return await this.#http.request<Member>('DELETE', memberPath(userId));
  }
}

function memberPath(userId: string): string {
  return `/v1/members/${encodePathSegment('userId', userId)}`;
}

function keysPath(userId: string): string {
  return `${memberPath(userId)}/keys`;
}
