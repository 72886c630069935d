import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ConnectionUsesModule } from '../connection-uses/connection-uses.module.js';
import { ProductEnvEntity } from './product-env.entity.js';
import { ProductEntity } from './product.entity.js';
import { ProductsController } from './products.controller.js';
import { ProductsService } from './products.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ProductEntity, ProductEnvEntity]), ConnectionUsesModule],
  controllers: [ProductsController],
  providers: [ProductsService],
})
export class ProductsModule {}
