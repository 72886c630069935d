import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConnectionUsesModule } from '../connection-uses/connection-uses.module.js';
import { ActionEntity } from './action.entity.js';
import { AppEnvEntity } from './app-env.entity.js';
import { AppEntity } from './app.entity.js';
import { AppsController } from './apps.controller.js';
import { AppsService } from './apps.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([AppEntity, AppEnvEntity, ActionEntity]), ConnectionUsesModule],
  controllers: [AppsController],
  providers: [AppsService],
  exports: [AppsService],
})
export class AppsModule {}
