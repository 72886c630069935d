import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Subjects, type WebhookDefinition, type WebhookForwardingSecretView } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { WorkspaceId } from '../auth/workspace-id.decorator.js';
import { TagParamPipe } from '../http/tag-param.pipe.js';

@ApiTags('webhooks')
@Controller('v1/products/:product/webhooks/:webhook/forwarding-secret')
export class WebhookForwardingSecretsController {
  constructor(private readonly nats: NatsRequester) {}

  @Get()
  @ApiOperation({
    summary:
      "The whsec_ secret Switchboard signs this webhook's forwarded events with (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature): give it to your endpoint's verifier",
  })
  async fetch(
    @WorkspaceId() workspaceId: string,
    @Param('product', TagParamPipe) productTag: string,
    @Param('webhook', TagParamPipe) webhookTag: string,
  ): Promise<WebhookForwardingSecretView> {
    // Only a webhook that exists has a forwarding secret: webhook_not_found otherwise, as for its other routes.
    await this.nats.request<WebhookDefinition>(Subjects.ConnectionWebhookFetch, { workspace_id: workspaceId, product_tag: productTag, webhook_tag: webhookTag });
    return this.nats.request(Subjects.SecretsWebhookForwardingSecretEnsure, { workspace_id: workspaceId, product: productTag, webhook: webhookTag });
  }
}
