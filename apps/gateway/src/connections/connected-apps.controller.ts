import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AddConnectionBody,
  ConnectAppBody,
  UpdateConnectionBody,
  type AccessTagReply,
  type ConnectedAppView,
  type ConnectionView,
} from '@switchboard/contracts';
import { WorkspaceId } from '../auth/workspace-id.decorator.js';
import { TagParamPipe } from '../http/tag-param.pipe.js';
import { ConnectedAppsService } from './connected-apps.service.js';

@ApiTags('connected apps')
@Controller('v1/products/:product')
export class ConnectedAppsController {
  constructor(private readonly connectedApps: ConnectedAppsService) {}

  @Post('connect')
  @HttpCode(200)
  @ApiOperation({ summary: 'Prepare connecting an app: registers it if new and returns a free access tag' })
  connect(
    @WorkspaceId() workspaceId: string,
    @Param('product', TagParamPipe) productTag: string,
    @Body() body: ConnectAppBody,
  ): Promise<AccessTagReply> {
    return this.connectedApps.connect(workspaceId, productTag, body.app);
  }

  @Post('connections')
  @HttpCode(201)
  @ApiOperation({ summary: 'Connect an app to the product under an access tag, with its env mapping' })
  add(
    @WorkspaceId() workspaceId: string,
    @Param('product', TagParamPipe) productTag: string,
    @Body() body: AddConnectionBody,
  ): Promise<ConnectedAppView> {
    return this.connectedApps.add(workspaceId, productTag, body);
  }

  @Get('connections')
  @ApiOperation({ summary: 'List the connected apps of the product' })
  fetchAll(@WorkspaceId() workspaceId: string, @Param('product', TagParamPipe) productTag: string): Promise<ConnectedAppView[]> {
    return this.connectedApps.fetchAll(workspaceId, productTag);
  }

  @Get('connections/:access_tag')
  @ApiOperation({ summary: 'Fetch one connected app by access tag' })
  fetch(
    @WorkspaceId() workspaceId: string,
    @Param('product', TagParamPipe) productTag: string,
    @Param('access_tag', TagParamPipe) accessTag: string,
  ): Promise<ConnectedAppView> {
    return this.connectedApps.fetch(workspaceId, productTag, accessTag);
  }

  @Patch('connections/:access_tag')
  @ApiOperation({ summary: 'Update the listed envs of a connected app (others are kept)' })
  update(
    @WorkspaceId() workspaceId: string,
    @Param('product', TagParamPipe) productTag: string,
    @Param('access_tag', TagParamPipe) accessTag: string,
    @Body() body: UpdateConnectionBody,
  ): Promise<ConnectedAppView> {
    return this.connectedApps.update(workspaceId, productTag, accessTag, body);
  }

  @Delete('connections/:access_tag')
  @ApiOperation({ summary: 'Disconnect an app from the product (its run records stay readable)' })
  delete(
    @WorkspaceId() workspaceId: string,
    @Param('product', TagParamPipe) productTag: string,
    @Param('access_tag', TagParamPipe) accessTag: string,
  ): Promise<ConnectionView> {
    return this.connectedApps.delete(workspaceId, productTag, accessTag);
  }
}
