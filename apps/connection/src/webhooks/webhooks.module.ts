import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogClient } from '../catalog/catalog.client.js';
import { ConnectionEntity } from '../connections/connection.entity.js';
import { ForwardUrlPolicy } from './forward-url-policy.js';
import { WebhookEnvEntity } from './webhook-env.entity.js';
import { WebhookEntity } from './webhook.entity.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

/** Webhook definitions (`connection.webhook.*`); receipts and deliveries live in the executor. */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookEntity, WebhookEnvEntity, ConnectionEntity])],
  controllers: [WebhooksController],
  providers: [WebhooksService, CatalogClient, ForwardUrlPolicy],
})
export class WebhooksModule {}
