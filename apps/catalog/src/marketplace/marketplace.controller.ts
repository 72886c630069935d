import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  AppTagRequest,
  AppTemplateUpdateRequest,
  InstallTemplateRequest,
  ListTemplatesRequest,
  PublishAppRequest,
  Subjects,
  TemplateTagRequest,
  type AppTemplateUpdatePreview,
  type AppView,
  type TemplateListView,
  type TemplateView,
} from '@switchboard/contracts';
import { MarketplaceService } from './marketplace.service.js';

@Controller()
export class MarketplaceController {
  constructor(private readonly marketplace: MarketplaceService) {}

  @MessagePattern(Subjects.CatalogTemplateList)
  list(@Payload() request: ListTemplatesRequest): Promise<TemplateListView> {
    return this.marketplace.list(request.workspace_id, request.query);
  }

  @MessagePattern(Subjects.CatalogTemplateFetch)
  fetch(@Payload() request: TemplateTagRequest): Promise<TemplateView> {
    return this.marketplace.fetch(request.workspace_id, request.template_tag);
  }

  @MessagePattern(Subjects.CatalogTemplateInstall)
  install(@Payload() request: InstallTemplateRequest): Promise<AppView> {
    return this.marketplace.install(request.workspace_id, request.template_tag, request.app_tag);
  }

  @MessagePattern(Subjects.CatalogAppPublish)
  publish(@Payload() request: PublishAppRequest): Promise<TemplateView> {
    return this.marketplace.publish(request.workspace_id, request.app_tag, request.listing);
  }

  @MessagePattern(Subjects.CatalogAppTemplatePreview)
  previewUpdate(@Payload() request: AppTemplateUpdateRequest): Promise<AppTemplateUpdatePreview> {
    return this.marketplace.previewUpdate(request.workspace_id, request.app_tag);
  }

  @MessagePattern(Subjects.CatalogAppTemplateApply)
  applyUpdate(@Payload() request: AppTemplateUpdateRequest): Promise<AppView> {
    return this.marketplace.applyUpdate(request.workspace_id, request.app_tag);
  }

  // Connecting an app the workspace lacks installs its marketplace template, so ensure lives here.
  @MessagePattern(Subjects.CatalogAppEnsure)
  ensure(@Payload() request: AppTagRequest): Promise<AppView> {
    return this.marketplace.ensure(request.workspace_id, request.app_tag);
  }
}
