import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { RotateWebhookForwardingSecretRequest, Subjects, WebhookForwardingSecretRequest, type WebhookForwardingSecretView } from '@switchboard/contracts';
import { WebhookForwardingSecretsService } from './webhook-forwarding-secrets.service.js';

@Controller()
export class WebhookForwardingSecretsController {
  constructor(private readonly secrets: WebhookForwardingSecretsService) {}

  @MessagePattern(Subjects.SecretsWebhookForwardingSecretEnsure)
  ensure(@Payload() request: WebhookForwardingSecretRequest): Promise<WebhookForwardingSecretView> {
    return this.secrets.ensure({ workspaceId: request.workspace_id, product: request.product, webhook: request.webhook });
  }

  @MessagePattern(Subjects.SecretsWebhookForwardingSecretRotate)
  rotate(@Payload() request: RotateWebhookForwardingSecretRequest): Promise<WebhookForwardingSecretView> {
    return this.secrets.rotate({ workspaceId: request.workspace_id, product: request.product, webhook: request.webhook }, request.overlap_seconds);
  }
}
