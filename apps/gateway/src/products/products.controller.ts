import { Body, Controller, Delete, Get, Param, Patch, Put, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EnsureProductBody, Subjects, UpdateProductBody, type EnsureProductReply, type ProductView } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import type { FastifyReply } from 'fastify';
import { WorkspaceId } from '../auth/workspace-id.decorator.js';
import { TagParamPipe } from '../http/tag-param.pipe.js';

@ApiTags('products')
@Controller('v1/products')
export class ProductsController {
  constructor(private readonly nats: NatsRequester) {}

  @Put(':product')
  @ApiOperation({ summary: 'Create the product if absent (201) or return it unchanged (200): what product.init does' })
  async ensure(
    @WorkspaceId() workspaceId: string,
    @Param('product', TagParamPipe) productTag: string,
    @Body() body: EnsureProductBody,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ProductView> {
    const result = await this.nats.request<EnsureProductReply>(Subjects.CatalogProductEnsure, {
      workspace_id: workspaceId,
      product_tag: productTag,
      product: body,
    });
    void reply.status(result.created ? 201 : 200);
    return result.product;
  }

  @Get()
  @ApiOperation({ summary: 'List the products of the workspace' })
  list(@WorkspaceId() workspaceId: string): Promise<ProductView[]> {
    return this.nats.request(Subjects.CatalogProductList, { workspace_id: workspaceId });
  }

  @Get(':product')
  @ApiOperation({ summary: 'Fetch one product with its envs' })
  fetch(@WorkspaceId() workspaceId: string, @Param('product', TagParamPipe) productTag: string): Promise<ProductView> {
    return this.nats.request(Subjects.CatalogProductFetch, { workspace_id: workspaceId, product_tag: productTag });
  }

  @Patch(':product')
  @ApiOperation({
    summary:
      'Change a product: name, description, envs added, and envs renamed or (de)activated by slug (409 product_env_in_use for a slug connections map)',
  })
  update(@WorkspaceId() workspaceId: string, @Param('product', TagParamPipe) productTag: string, @Body() body: UpdateProductBody): Promise<ProductView> {
    return this.nats.request(Subjects.CatalogProductUpdate, { workspace_id: workspaceId, product_tag: productTag, product: body });
  }

  @Delete(':product')
  @ApiOperation({ summary: 'Delete a product with its envs (409 product_in_use while it has connections)' })
  delete(@WorkspaceId() workspaceId: string, @Param('product', TagParamPipe) productTag: string): Promise<ProductView> {
    return this.nats.request(Subjects.CatalogProductDelete, { workspace_id: workspaceId, product_tag: productTag });
  }
}
