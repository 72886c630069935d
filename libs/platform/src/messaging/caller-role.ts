import { AsyncLocalStorage } from 'node:async_hooks';
import { headers, type MsgHdrs } from '@nats-io/transport-node';
import { CALLER_ROLE_HEADER, ErrorCode, isRole, roleCovers, SUBJECT_ROLES, type Role, type Subject } from '@switchboard/contracts';
import { DomainError } from '../errors/domain-error.js';

/**
 * The role of the member a gateway request acts for, held for the duration of its handler so that every NATS request
 * it sends carries the role without each call site passing it along. Services never set it: their own requests are
 * the platform's, not a member's.
 */
export const callerRoles = new AsyncLocalStorage<Role>();

const roleHeaders = new Map<Role, MsgHdrs>();

/** The headers stamping the current caller's role on a request, or none outside a member's call. */
export function callerRoleHeaders(): MsgHdrs | undefined {
  const role = callerRoles.getStore();
  if (role === undefined) return undefined;
  let stamped = roleHeaders.get(role);
  if (!stamped) {
    stamped = headers();
    stamped.set(CALLER_ROLE_HEADER, role);
    roleHeaders.set(role, stamped);
  }
  return stamped;
}

/** Why a service refuses a request for the role it carries, or `undefined` when it carries none or enough. */
export function roleRefusal(subject: string, carried: string | undefined): DomainError | undefined {
  if (carried === undefined || carried === '') return undefined;
  const needed = SUBJECT_ROLES[subject as Subject] as Role | undefined;
  if (isRole(carried) && needed !== undefined && roleCovers(carried, needed)) return undefined;
  return new DomainError(ErrorCode.Forbidden, `The ${carried} role may not ${subject}: it needs ${needed ?? 'a role that does not exist'}`, { subject, role: carried });
}
