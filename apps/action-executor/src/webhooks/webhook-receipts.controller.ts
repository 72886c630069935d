import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Subjects, WebhookReceiptRequest, type WebhookReceiptReply } from '@switchboard/contracts';
import { WebhookReceiver } from './webhook-receiver.js';

@Controller()
export class WebhookReceiptsController {
  constructor(private readonly receiver: WebhookReceiver) {}

  @MessagePattern(Subjects.ExecutorWebhookReceive)
  receive(@Payload() request: WebhookReceiptRequest): Promise<WebhookReceiptReply> {
    return this.receiver.receive(request);
  }
}
