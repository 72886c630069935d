import { IsHttpUrl } from '../common/validators.js';
import { WorkspaceScopedRequest } from '../common/workspace-scoped.request.js';

/** `executor.outbound-address.check`: whether the executor's outbound address policy lets it call `url`. */
export class CheckOutboundAddressRequest extends WorkspaceScopedRequest {
  @IsHttpUrl()
  url!: string;
}

/**
 * Reply of `executor.outbound-address.check`; `message` says why a refused URL is refused. A host that does not
 * resolve now is not refused: delivery resolves and checks it again on every attempt.
 */
export type OutboundAddressCheckReply = { allowed: true } | { allowed: false; message: string };
