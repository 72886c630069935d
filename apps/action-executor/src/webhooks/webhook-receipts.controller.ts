import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subjects, WebhookReceiptRequest, type WebhookReceiptReply } from '@switchboard/contracts';
import { toErrorBody } from '@switchboard/platform';
import { WebhookMetrics } from './webhook-metrics.js';
import { WebhookReceiver } from './webhook-receiver.js';

@Controller()
export class WebhookReceiptsController {
  constructor(
    private readonly receiver: WebhookReceiver,
    private readonly metrics: WebhookMetrics,
  ) {}

  @MessagePattern(Subjects.ExecutorWebhookReceive)
  async receive(@Payload() request: WebhookReceiptRequest): Promise<WebhookReceiptReply> {
    try {
      const reply = await this.receiver.receive(request);
      this.metrics.received(reply.duplicate ? 'duplicate' : 'accepted');
      return reply;
    } catch (error) {
      this.metrics.refused(toErrorBody(error).code);
      throw error;
    }
  }
}
