import { AsyncLocalStorage } from 'node:async_hooks';
import { headers, type MsgHdrs } from '@nats-io/transport-node';
import { CALLER_ROLE_HEADER, ErrorCode, isRole, roleCovers, SUBJECT_ROLES, type Role, type Subject } from '@switchboard/contracts';
import { DomainError } from '../errors/domain-error.js';

/** The member one gateway request acts for, once its credentials are checked. */
interface CallerFrame {
  role?: Role;
}

/**
 * The frame each gateway request's guards and handler run in, so that every NATS request the handler sends carries
 * the member's role without each call site passing it along. Services never open one: their own requests are the
 * platform's, not a member's.
 */
const callerFrames = new AsyncLocalStorage<CallerFrame>();

/** Runs `next` (and everything it starts) in a fresh frame, with no role until {@link actAs} names one. */
export function inCallerFrame(next: () => void): void {
  callerFrames.run({}, next);
}

/** Names the role the current gateway request acts for; a request outside any frame is a bug, not an unchecked call. */
export function actAs(role: Role): void {
  const frame = callerFrames.getStore();
  if (frame === undefined) throw new Error('actAs was called outside a caller frame: the gateway opens one per request (inCallerFrame)');
  frame.role = role;
}

const roleHeaders = new Map<Role, MsgHdrs>();

/** The headers stamping the current caller's role on a request, or none outside a member's call. */
export function callerRoleHeaders(): MsgHdrs | undefined {
  const role = callerFrames.getStore()?.role;
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
