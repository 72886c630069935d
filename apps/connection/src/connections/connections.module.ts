import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogClient } from '../catalog/catalog.client.js';
import { ConnectionEnvEntity } from './connection-env.entity.js';
import { ConnectionEntity } from './connection.entity.js';
import { ConnectionsController } from './connections.controller.js';
import { ConnectionsService } from './connections.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ConnectionEntity, ConnectionEnvEntity])],
  controllers: [ConnectionsController],
  providers: [ConnectionsService, CatalogClient],
})
export class ConnectionsModule {}
