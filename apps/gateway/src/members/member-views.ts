import type { ApiKeyView, MemberView } from '@switchboard/contracts';
import type { ApiKeyEntity } from '../keys/api-key.entity.js';
import type { UserEntity } from '../workspaces/user.entity.js';

export function memberViewOf(user: UserEntity): MemberView {
  return { user_id: user.id, name: user.name, role: user.role, created_at: user.createdAt.toISOString() };
}

export function keyViewOf(key: ApiKeyEntity): ApiKeyView {
  return {
    key_id: key.id,
    user_id: key.userId,
    name: key.name,
    expires_at: key.expiresAt?.toISOString() ?? null,
    last_used_at: key.lastUsedAt?.toISOString() ?? null,
    created_at: key.createdAt.toISOString(),
    rotated_at: key.rotatedAt?.toISOString() ?? null,
  };
}
