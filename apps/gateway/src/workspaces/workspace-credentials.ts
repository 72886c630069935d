import { Role } from '@switchboard/contracts';
import type { EntityManager } from 'typeorm';
import { ApiKeyEntity } from '../keys/api-key.entity.js';
import { UserEntity } from './user.entity.js';
import { WorkspaceEntity } from './workspace.entity.js';
import { generateId, generatePrivateKey, hashPrivateKey } from './private-key.js';

/** What a new workspace's first user needs to call the gateway; the private key is shown once. */
export interface WorkspaceCredentials {
  workspace_id: string;
  user_id: string;
  private_key: string;
}

/** Creates a workspace, its owner and the owner's first API key in one transaction. */
export async function createWorkspace(manager: EntityManager, name: string): Promise<WorkspaceCredentials> {
  const privateKey = generatePrivateKey();
  const workspace = { id: generateId('ws'), name };
  const owner = { id: generateId('usr'), workspaceId: workspace.id, name: 'Owner', role: Role.Owner };
  await manager.transaction(async (tx) => {
    await tx.insert(WorkspaceEntity, workspace);
    await tx.insert(UserEntity, owner);
    await tx.insert(ApiKeyEntity, { id: generateId('key'), userId: owner.id, workspaceId: workspace.id, name: 'first key', keyHash: hashPrivateKey(privateKey) });
  });
  return { workspace_id: workspace.id, user_id: owner.id, private_key: privateKey };
}
