import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AppTagRequest, CreateAppRequest, ListAppsRequest, Subjects, UpdateAppRequest, type AppView } from '@switchboard/contracts';
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

  @MessagePattern(Subjects.CatalogAppList)
  list(@Payload() request: ListAppsRequest): Promise<AppView[]> {
    return this.apps.list(request.workspace_id, request.app_tags);
  }
}
