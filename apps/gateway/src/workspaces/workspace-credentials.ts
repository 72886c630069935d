import type { EntityManager } from 'typeorm';
import { UserEntity } from './user.entity.js';
import { WorkspaceEntity } from './workspace.entity.js';
import { generateId, generatePrivateKey, hashPrivateKey } from './private-key.js';

/** What a new workspace's first user needs to call the gateway; the private key is shown once. */
export interface WorkspaceCredentials {
  workspace_id: string;
  user_id: string;
  private_key: string;
}

/** Creates a workspace and its first user in one transaction. */
export async function createWorkspace(manager: EntityManager, name: string): Promise<WorkspaceCredentials> {
  const privateKey = generatePrivateKey();
  const workspace = { id: generateId('ws'), name };
  const user = { id: generateId('usr'), workspaceId: workspace.id, keyHash: hashPrivateKey(privateKey) };
  await manager.transaction(async (tx) => {
    await tx.insert(WorkspaceEntity, workspace);
    await tx.insert(UserEntity, user);
  });
  return { workspace_id: workspace.id, user_id: user.id, private_key: privateKey };
}
