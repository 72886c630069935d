import { Injectable } from '@nestjs/common';
import { ErrorCode, type Role } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { KeyUseRecorder } from '../keys/key-use-recorder.js';
import { hashPrivateKey } from '../workspaces/private-key.js';
import { AccessCache } from './access-cache.js';

/** A member whose credentials were verified, with the key they presented. */
export interface VerifiedMember {
  workspaceId: string;
  userId: string;
  role: Role;
  keyId: string;
}

/** The one answer to every wrong combination of workspace, user and private key. */
function invalidCredentials(): DomainError {
  return new DomainError(ErrorCode.Unauthenticated, 'Invalid credentials: the workspace, user and private key do not match', {});
}

/** Checks a workspace id, user id and private key together: for the key headers of each call, and for sign-in. */
@Injectable()
export class CredentialVerifier {
  constructor(
    private readonly access: AccessCache,
    private readonly uses: KeyUseRecorder,
  ) {}

  /**
   * The member the three values name; else throws {@link invalidCredentials}. A key is found by the hash of its
   * 256 random bits, so the lookup tells nothing to a caller who does not hold one; every mismatch gets one message.
   * Only an expired key is named as such: saying so helps its holder and tells nobody else anything.
   */
  async verify(workspaceId: string, userId: string, privateKey: string): Promise<VerifiedMember> {
    const key = await this.access.key(hashPrivateKey(privateKey));
    if (!key || key.userId !== userId || key.workspaceId !== workspaceId) throw invalidCredentials();
    const member = await this.access.member(userId);
    if (!member || member.workspaceId !== workspaceId) throw invalidCredentials();
    if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) {
      throw new DomainError(
        ErrorCode.Unauthenticated,
        `This API key (${key.keyId}) expired at ${key.expiresAt.toISOString()}: create a new one with POST /v1/members/${userId}/keys`,
        { key_id: key.keyId },
      );
    }
    this.uses.used(key.keyId);
    return { workspaceId, userId, role: member.role, keyId: key.keyId };
  }
}
