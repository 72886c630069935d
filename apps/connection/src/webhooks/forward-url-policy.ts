import { Injectable } from '@nestjs/common';
import { ErrorCode, Subjects, type OutboundAddressCheckReply } from '@switchboard/contracts';
import { fieldFailure, NatsRequester } from '@switchboard/platform';

/** Whether the executor, which forwards events, would be let call a webhook's `forward_url` by its address policy. */
@Injectable()
export class ForwardUrlPolicy {
  constructor(private readonly nats: NatsRequester) {}

  /** Throws `forward_url_refused`, naming the field, when the executor's address policy refuses the URL. */
  async assertAllowed(workspaceId: string, forwardUrl: string): Promise<void> {
    const reply = await this.nats.request<OutboundAddressCheckReply>(Subjects.ExecutorOutboundAddressCheck, { workspace_id: workspaceId, url: forwardUrl });
    if (!reply.allowed) throw fieldFailure('forward_url', `forward_url: ${reply.message}`, ErrorCode.ForwardUrlRefused, { forward_url: forwardUrl });
  }
}
