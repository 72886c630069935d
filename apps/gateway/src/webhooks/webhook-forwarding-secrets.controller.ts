import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  RotateWebhookForwardingSecretBody,
  Role,
  Subjects,
  WEBHOOK_FORWARDING_SECRET_DEFAULT_OVERLAP_SECONDS,
  WEBHOOK_FORWARDING_SECRET_MAX_OVERLAP_SECONDS,
  type WebhookDefinition,
  type WebhookForwardingSecretView,
} from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { WorkspaceId } from '../auth/workspace-id.decorator.js';
import { TagParamPipe } from '../http/tag-param.pipe.js';
import { Needs } from '../auth/needs-role.decorator.js';

@ApiTags('webhooks')
@Controller('v1/products/:product/webhooks/:webhook/forwarding-secret')
export class WebhookForwardingSecretsController {
  constructor(private readonly nats: NatsRequester) {}

  @Get()
  @Needs(Role.Developer)
  @ApiOperation({
    summary:
      "The whsec_ secret Switchboard signs this webhook's forwarded events with (Standard Webhooks: webhook-id, webhook-timestamp, webhook-signature): give it to your endpoint's verifier; during a rotation's overlap also the previous one and when it stops signing",
  })
  async fetch(
    @WorkspaceId() workspaceId: string,
    @Param('product', TagParamPipe) productTag: string,
    @Param('webhook', TagParamPipe) webhookTag: string,
  ): Promise<WebhookForwardingSecretView> {
    await this.#webhookMustExist(workspaceId, productTag, webhookTag);
    return this.nats.request(Subjects.SecretsWebhookForwardingSecretEnsure, { workspace_id: workspaceId, product: productTag, webhook: webhookTag });
  }

  @Post('rotate')
  @HttpCode(200)
  @ApiOperation({
    summary: `Make a new forwarding secret; events are signed with both (two v1 signatures) for overlap_seconds (0-${WEBHOOK_FORWARDING_SECRET_MAX_OVERLAP_SECONDS}, default ${WEBHOOK_FORWARDING_SECRET_DEFAULT_OVERLAP_SECONDS}), then with the new one only`,
  })
  async rotate(
    @WorkspaceId() workspaceId: string,
    @Param('product', TagParamPipe) productTag: string,
    @Param('webhook', TagParamPipe) webhookTag: string,
    @Body() body: RotateWebhookForwardingSecretBody,
  ): Promise<WebhookForwardingSecretView> {
    await this.#webhookMustExist(workspaceId, productTag, webhookTag);
    return this.nats.request(Subjects.SecretsWebhookForwardingSecretRotate, {
      workspace_id: workspaceId,
      product: productTag,
      webhook: webhookTag,
      overlap_seconds: body.overlap_seconds ?? WEBHOOK_FORWARDING_SECRET_DEFAULT_OVERLAP_SECONDS,
    });
  }

  // Only a webhook that exists has a forwarding secret: webhook_not_found otherwise, as for its other routes.
  async #webhookMustExist(workspaceId: string, productTag: string, webhookTag: string): Promise<void> {
    await this.nats.request<WebhookDefinition>(Subjects.ConnectionWebhookFetch, { workspace_id: workspaceId, product_tag: productTag, webhook_tag: webhookTag });
  }
}
