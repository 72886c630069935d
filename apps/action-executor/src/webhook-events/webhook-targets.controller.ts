import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ListWebhookDeliveryStatesRequest, Subjects, WebhookTagRequest, type WebhookDeliveryStateEntry, type WebhookTargetEnabled } from '@switchboard/contracts';
import { WebhookTargets } from './webhook-targets.service.js';

@Controller()
export class WebhookTargetsController {
  constructor(private readonly targets: WebhookTargets) {}

  @MessagePattern(Subjects.ExecutorWebhookDeliveryStateList)
  states(@Payload() request: ListWebhookDeliveryStatesRequest): Promise<WebhookDeliveryStateEntry[]> {
    return this.targets.states(request);
  }

  @MessagePattern(Subjects.ExecutorWebhookTargetEnable)
  enable(@Payload() request: WebhookTagRequest): Promise<WebhookTargetEnabled> {
    return this.targets.enable(request);
  }
}
