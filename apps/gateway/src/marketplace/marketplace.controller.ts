import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  InstallTemplateBody,
  ListTemplatesQuery,
  PublishAppBody,
  Subjects,
  TEMPLATE_CATEGORIES,
  type AppTemplateUpdatePreview,
  type AppView,
  type TemplateListView,
  type TemplateView,
} from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { WorkspaceId } from '../auth/workspace-id.decorator.js';
import { TagParamPipe } from '../http/tag-param.pipe.js';

@ApiTags('marketplace')
@Controller('v1')
export class MarketplaceController {
  constructor(private readonly nats: NatsRequester) {}

  @Get('marketplace/apps')
  @ApiOperation({ summary: 'List marketplace app templates, with search, a category filter, category counts and paging' })
  @ApiQuery({ name: 'search', required: false, description: 'Matched against tag, name, description and category' })
  @ApiQuery({ name: 'category', required: false, enum: TEMPLATE_CATEGORIES })
  @ApiQuery({ name: 'offset', required: false })
  @ApiQuery({ name: 'limit', required: false, description: '1-100, default 50' })
  list(@WorkspaceId() workspaceId: string, @Query() query: ListTemplatesQuery): Promise<TemplateListView> {
    return this.nats.request(Subjects.CatalogTemplateList, { workspace_id: workspaceId, query });
  }

  @Get('marketplace/apps/:tag')
  @ApiOperation({ summary: 'Fetch one marketplace template with the envs, auth schemes and actions it installs' })
  fetch(@WorkspaceId() workspaceId: string, @Param('tag', TagParamPipe) tag: string): Promise<TemplateView> {
    return this.nats.request(Subjects.CatalogTemplateFetch, { workspace_id: workspaceId, template_tag: tag });
  }

  @Post('marketplace/apps/:tag/install')
  @HttpCode(201)
  @ApiOperation({ summary: 'Install a template as an app the workspace owns (under its own tag, or the template’s)' })
  install(@WorkspaceId() workspaceId: string, @Param('tag', TagParamPipe) tag: string, @Body() body: InstallTemplateBody): Promise<AppView> {
    return this.nats.request(Subjects.CatalogTemplateInstall, { workspace_id: workspaceId, template_tag: tag, app_tag: body.tag });
  }

  @Post('apps/:app/publish')
  @HttpCode(201)
  @ApiOperation({ summary: 'Publish a workspace app to the workspace’s private marketplace listing, which no other workspace sees' })
  publish(@WorkspaceId() workspaceId: string, @Param('app', TagParamPipe) appTag: string, @Body() body: PublishAppBody): Promise<TemplateView> {
    return this.nats.request(Subjects.CatalogAppPublish, { workspace_id: workspaceId, app_tag: appTag, listing: body });
  }

  @Get('apps/:app/template-update')
  @ApiOperation({ summary: 'Preview updating an installed app to its template’s newest version: actions, envs and auth added, changed, removed' })
  previewUpdate(@WorkspaceId() workspaceId: string, @Param('app', TagParamPipe) appTag: string): Promise<AppTemplateUpdatePreview> {
    return this.nats.request(Subjects.CatalogAppTemplatePreview, { workspace_id: workspaceId, app_tag: appTag });
  }

  @Post('apps/:app/template-update')
  @HttpCode(200)
  @ApiOperation({ summary: 'Update an installed app to its template’s newest version (what the preview showed)' })
  applyUpdate(@WorkspaceId() workspaceId: string, @Param('app', TagParamPipe) appTag: string): Promise<AppView> {
    return this.nats.request(Subjects.CatalogAppTemplateApply, { workspace_id: workspaceId, app_tag: appTag });
  }
}
