import { IsString, MaxLength } from 'class-validator';
import { WorkspaceScopedRequest } from '../common/workspace-scoped.request.js';

/** `executor.outbound-address.check`: whether the executor's outbound address policy lets it call `url`. */
export class CheckOutboundAddressRequest extends WorkspaceScopedRequest {
  @MaxLength(2048)
  @IsString()
  url!: string;
}

/** Reply of `executor.outbound-address.check`; `message` says why a refused URL is refused. */
export type OutboundAddressCheckReply = { allowed: true } | { allowed: false; message: string };
