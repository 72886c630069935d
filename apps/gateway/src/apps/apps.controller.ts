import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateAppBody, Subjects, UpdateAppBody, type ActionView, type AppListItemView, type AppView, type AppWithActionView } from '@switchboard/contracts';
import { NatsRequester } from '@switchboard/platform';
import { WorkspaceId } from '../auth/workspace-id.decorator.js';
import { TagParamPipe } from '../http/tag-param.pipe.js';

@ApiTags('apps')
@Controller('v1/apps')
export class AppsController {
  constructor(private readonly nats: NatsRequester) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Register a workspace app with its envs and actions' })
  create(@WorkspaceId() workspaceId: string, @Body() body: CreateAppBody): Promise<AppView> {
    return this.nats.request(Subjects.CatalogAppCreate, { workspace_id: workspaceId, app: body });
  }

  @Get()
  @ApiOperation({ summary: 'List the apps of the workspace, each with its action_count instead of its actions' })
  list(@WorkspaceId() workspaceId: string): Promise<AppListItemView[]> {
    return this.nats.request(Subjects.CatalogAppList, { workspace_id: workspaceId });
  }

  @Get(':app')
  @ApiOperation({ summary: 'Fetch one app with its envs and its actions as summaries (no schemas)' })
  fetch(@WorkspaceId() workspaceId: string, @Param('app', TagParamPipe) appTag: string): Promise<AppView> {
    return this.nats.request(Subjects.CatalogAppFetch, { workspace_id: workspaceId, app_tag: appTag });
  }

  @Get(':app/actions/:action')
  @ApiOperation({ summary: 'Fetch one action of an app whole: its description and JSON Schemas' })
  async fetchAction(
    @WorkspaceId() workspaceId: string,
    @Param('app', TagParamPipe) appTag: string,
    @Param('action', TagParamPipe) actionTag: string,
  ): Promise<ActionView> {
    const app = await this.nats.request<AppWithActionView>(Subjects.CatalogActionFetch, { workspace_id: workspaceId, app_tag: appTag, action_tag: actionTag });
    return app.action;
  }

  @Patch(':app')
  @ApiOperation({ summary: 'Change an app: name, description, envs by slug, actions and auth schemes by tag, removals' })
  update(@WorkspaceId() workspaceId: string, @Param('app', TagParamPipe) appTag: string, @Body() body: UpdateAppBody): Promise<AppView> {
    return this.nats.request(Subjects.CatalogAppUpdate, { workspace_id: workspaceId, app_tag: appTag, app: body });
  }

  @Delete(':app')
  @ApiOperation({ summary: 'Delete an app with its envs and actions (409 app_in_use while products connect it)' })
  delete(@WorkspaceId() workspaceId: string, @Param('app', TagParamPipe) appTag: string): Promise<AppView> {
    return this.nats.request(Subjects.CatalogAppDelete, { workspace_id: workspaceId, app_tag: appTag });
  }
}
