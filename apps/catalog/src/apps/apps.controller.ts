import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ActionTagRequest, AppTagRequest, CreateAppRequest, ListAppsRequest, Subjects, UpdateAppRequest, type AppListItemView, type AppView, type AppWithActionView } from '@switchboard/contracts';
import { AppsService } from './apps.service.js';

@Controller()
export class AppsController {
  constructor(private readonly apps: AppsService) {}

  @MessagePattern(Subjects.CatalogAppCreate)
  create(@Payload() request: CreateAppRequest): Promise<AppView> {
    return this.apps.create(request.workspace_id, request.app);
  }

  @MessagePattern(Subjects.CatalogAppFetch)
  fetch(@Payload() request: AppTagRequest): Promise<AppView> {
    return this.apps.fetch(request.workspace_id, request.app_tag);
  }

  @MessagePattern(Subjects.CatalogAppUpdate)
  update(@Payload() request: UpdateAppRequest): Promise<AppView> {
    return this.apps.update(request.workspace_id, request.app_tag, request.app);
  }

  @MessagePattern(Subjects.CatalogActionFetch)
  fetchAction(@Payload() request: ActionTagRequest): Promise<AppWithActionView> {
    return this.apps.fetchAction(request.workspace_id, request.app_tag, request.action_tag);
  }

  @MessagePattern(Subjects.CatalogAppDelete)
  delete(@Payload() request: AppTagRequest): Promise<AppView> {
    return this.apps.delete(request.workspace_id, request.app_tag);
  }

  @MessagePattern(Subjects.CatalogAppList)
  list(@Payload() request: ListAppsRequest): Promise<AppListItemView[]> {
    return this.apps.list(request.workspace_id, request.app_tags);
  }
}
