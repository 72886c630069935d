import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CheckOutboundAddressRequest, ErrorCode, Subjects, type OutboundAddressCheckReply } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { OutboundClient } from '../outbound/outbound-client.js';

/**
 * `executor.outbound-address.check`: asked by the connection service when a webhook's forward URL is set, so the
 * policy that guards delivery refuses the URL at once. A name that does not resolve today is not refused: its
 * target may not be deployed yet, and delivery resolves and checks it again on every attempt.
 */
@Controller()
export class OutboundAddressCheckController {
  constructor(private readonly outbound: OutboundClient) {}

  @MessagePattern(Subjects.ExecutorOutboundAddressCheck)
  async check(@Payload() request: CheckOutboundAddressRequest): Promise<OutboundAddressCheckReply> {
    try {
      await this.outbound.assertDestinationAllowed(new URL(request.url));
      return { allowed: true };
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === ErrorCode.OutboundAddressRefused) return { allowed: false, message: error.message };
      if (error.code === ErrorCode.UpstreamUnreachable) return { allowed: true };
      throw error;
    }
  }
}
