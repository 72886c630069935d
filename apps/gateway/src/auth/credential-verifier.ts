import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { hashPrivateKey, privateKeyMatches } from '../workspaces/private-key.js';
import { UserKeyCache } from './user-key-cache.js';

const UNKNOWN_USER_KEY_HASH = hashPrivateKey('no user has this key');

/** The one answer to every wrong combination of workspace, user and private key. */
function invalidCredentials(): DomainError {
  return new DomainError(ErrorCode.Unauthenticated, 'Invalid credentials: the workspace, user and private key do not match', {});
}

/** Checks a workspace id, user id and private key together: for the key headers of each call, and for sign-in. */
@Injectable()
export class CredentialVerifier {
  constructor(private readonly users: UserKeyCache) {}

  /** Resolves when the three values name one user of that workspace with that key; else throws {@link invalidCredentials}. */
  async verify(workspaceId: string, userId: string, privateKey: string): Promise<void> {
    const user = await this.users.lookup(userId);
    // The key is hashed and compared even for an unknown user, and every mismatch gets one message,
    // so neither timing nor wording tells a caller which of the three values was right.
    const keyMatches = privateKeyMatches(privateKey, user?.keyHash ?? UNKNOWN_USER_KEY_HASH);
    if (!user || user.workspaceId !== workspaceId || !keyMatches) throw invalidCredentials();
  }
}
