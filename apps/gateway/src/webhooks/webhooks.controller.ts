import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateWebhookBody, UpdateWebhookBody, type Webhook, type WebhookTargetEnabled } from '@switchboard/contracts';
import type { FastifyRequest } from 'fastify';
import { WorkspaceId } from '../auth/workspace-id.decorator.js';
import { GATEWAY_PUBLIC_URL, publicBaseUrlOf } from '../http/public-base-url.js';
import { TagParamPipe } from '../http/tag-param.pipe.js';
import { WebhooksService } from './webhooks.service.js';

@ApiTags('webhooks')
@Controller('v1/products/:product/webhooks')
export class WebhooksController {
  constructor(
    private readonly webhooks: WebhooksService,
    @Inject(GATEWAY_PUBLIC_URL) private readonly publicUrl: string,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a signed inbound webhook, with a receive URL per env; signing_secret must be a secret reference' })
  create(
    @WorkspaceId() workspaceId: string,
    @Param('product', TagParamPipe) productTag: string,
    @Body() body: CreateWebhookBody,
    @Req() request: FastifyRequest,
  ): Promise<Webhook> {
    return this.webhooks.create(workspaceId, productTag, body, publicBaseUrlOf(this.publicUrl, request));
  }

  @Get()
  @ApiOperation({ summary: 'List the webhooks of the product with their receive URLs' })
  fetchAll(@WorkspaceId() workspaceId: string, @Param('product', TagParamPipe) productTag: string, @Req() request: FastifyRequest): Promise<Webhook[]> {
    return this.webhooks.fetchAll(workspaceId, productTag, publicBaseUrlOf(this.publicUrl, request));
  }

  @Get(':webhook')
  @ApiOperation({ summary: 'Fetch one webhook by tag' })
  fetch(
    @WorkspaceId() workspaceId: string,
    @Param('product', TagParamPipe) productTag: string,
    @Param('webhook', TagParamPipe) tag: string,
    @Req() request: FastifyRequest,
  ): Promise<Webhook> {
    return this.webhooks.fetch(workspaceId, productTag, tag, publicBaseUrlOf(this.publicUrl, request));
  }

  @Patch(':webhook')
  @ApiOperation({ summary: 'Change a webhook (its tag stays); envs kept keep their receive URLs, envs dropped lose theirs for good' })
  update(
    @WorkspaceId() workspaceId: string,
    @Param('product', TagParamPipe) productTag: string,
    @Param('webhook', TagParamPipe) tag: string,
    @Body() body: UpdateWebhookBody,
    @Req() request: FastifyRequest,
  ): Promise<Webhook> {
    return this.webhooks.update(workspaceId, productTag, tag, body, publicBaseUrlOf(this.publicUrl, request));
  }

  @Delete(':webhook')
  @ApiOperation({ summary: 'Delete a webhook; its receive URLs answer 404 from then on' })
  delete(
    @WorkspaceId() workspaceId: string,
    @Param('product', TagParamPipe) productTag: string,
    @Param('webhook', TagParamPipe) tag: string,
    @Req() request: FastifyRequest,
  ): Promise<Webhook> {
    return this.webhooks.delete(workspaceId, productTag, tag, publicBaseUrlOf(this.publicUrl, request));
  }

  @Post(':webhook/enable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Enable the forward target again after it was disabled for failing too long: its held events are queued for delivery, each once; the delivery state now, and how many were queued',
  })
  enable(@WorkspaceId() workspaceId: string, @Param('product', TagParamPipe) productTag: string, @Param('webhook', TagParamPipe) tag: string): Promise<WebhookTargetEnabled> {
    return this.webhooks.enable(workspaceId, productTag, tag);
  }
}
