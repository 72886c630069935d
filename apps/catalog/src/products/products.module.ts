import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProductEnvEntity } from './product-env.entity.js';
import { ProductEntity } from './product.entity.js';
import { ProductsController } from './products.controller.js';
import { ProductsService } from './products.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([ProductEntity, ProductEnvEntity])],
  controllers: [ProductsController],
  providers: [ProductsService],
})
export class ProductsModule {}
