import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  EnsureProductRequest,
  ListProductsRequest,
  ProductTagRequest,
  Subjects,
  UpdateProductRequest,
  type EnsureProductReply,
  type ProductView,
} from '@switchboard/contracts';
import { ProductsService } from './products.service.js';

@Controller()
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @MessagePattern(Subjects.CatalogProductEnsure)
  ensure(@Payload() request: EnsureProductRequest): Promise<EnsureProductReply> {
    return this.products.ensure(request.workspace_id, request.product_tag, request.product);
  }

  @MessagePattern(Subjects.CatalogProductFetch)
  fetch(@Payload() request: ProductTagRequest): Promise<ProductView> {
    return this.products.fetch(request.workspace_id, request.product_tag);
  }

  @MessagePattern(Subjects.CatalogProductUpdate)
  update(@Payload() request: UpdateProductRequest): Promise<ProductView> {
    return this.products.update(request.workspace_id, request.product_tag, request.product);
  }

  @MessagePattern(Subjects.CatalogProductDelete)
  delete(@Payload() request: ProductTagRequest): Promise<ProductView> {
    return this.products.delete(request.workspace_id, request.product_tag);
  }

  @MessagePattern(Subjects.CatalogProductList)
  list(@Payload() request: ListProductsRequest): Promise<ProductView[]> {
    return this.products.list(request.workspace_id);
  }
}
