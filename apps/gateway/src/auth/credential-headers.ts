/** Request headers carrying a caller's identity; the private key travels as a Bearer token. */
export const CredentialHeaders = {
  WorkspaceId: 'x-switchboard-workspace-id',
  UserId: 'x-switchboard-user-id',
  Authorization: 'authorization',
} as const;
