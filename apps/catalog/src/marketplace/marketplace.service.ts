import { Injectable } from '@nestjs/common';
import { ErrorCode, type AppTemplateUpdatePreview, type AppView, type ListTemplatesQuery, type MarketplaceTemplate, type TemplateListView, type TemplateView } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { diffApp } from '../apps/app-diff.js';
import { AppsService } from '../apps/apps.service.js';
import { isOlderVersion } from './template-version.js';
import { marketplaceTemplates } from './template-library.js';
import { appDefinitionOf, listTemplates, toTemplateView } from './template-listing.js';

/** The marketplace: templates to browse, and installing one as an app the workspace owns. */
@Injectable()
export class MarketplaceService {
  constructor(private readonly apps: AppsService) {}

  list(query: ListTemplatesQuery): TemplateListView {
    return listTemplates(marketplaceTemplates().values(), query);
  }

  fetch(tag: string): TemplateView {
    return toTemplateView(this.template(tag));
  }

  /** Copies the template into the workspace as its app `appTag` (the template's tag by default). */
  async install(workspaceId: string, templateTag: string, appTag = templateTag): Promise<AppView> {
    const template = this.template(templateTag);
    return this.apps.create(workspaceId, { ...appDefinitionOf(template), tag: appTag }, { tag: template.tag, version: template.version });
  }

  /**
   * `catalog.app.ensure`: the workspace's app of that tag; when it has none, the marketplace template of that tag
   * installed, else a bare app. Two connects racing over a new tag end with one installed app.
   */
  async ensure(workspaceId: string, tag: string): Promise<AppView> {
    const template = marketplaceTemplates().get(tag);
    if (!template) return this.apps.ensure(workspaceId, tag);
    try {
      return await this.apps.fetch(workspaceId, tag);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === ErrorCode.AppNotFound)) throw error;
    }
    try {
      return await this.install(workspaceId, tag);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.AppTagTaken) return this.apps.fetch(workspaceId, tag);
      throw error;
    }
  }

  /** What updating the installed app to its template's newest version would add, change and remove. */
  async previewUpdate(workspaceId: string, appTag: string): Promise<AppTemplateUpdatePreview> {
    const { app, template } = await this.installed(workspaceId, appTag);
    return {
      app: app.tag,
      template: template.tag,
      from_version: app.template?.version ?? template.version,
      to_version: template.version,
      update_available: isOlderVersion(app.template?.version ?? template.version, template.version),
      diff: diffApp(app, { ...appDefinitionOf(template), tag: app.tag }),
    };
  }

  /**
   * Replaces the installed app's definition with its template's newest one (changes the workspace made to it are
   * overwritten, as the preview shows) and records that version.
   */
  async applyUpdate(workspaceId: string, appTag: string): Promise<AppView> {
    const { app, template } = await this.installed(workspaceId, appTag);
    return this.apps.replaceFromTemplate(workspaceId, app.tag, { ...appDefinitionOf(template), tag: app.tag }, { tag: template.tag, version: template.version });
  }

  private async installed(workspaceId: string, appTag: string): Promise<{ app: AppView; template: MarketplaceTemplate }> {
    const app = await this.apps.fetch(workspaceId, appTag);
    if (!app.template) {
      throw new DomainError(ErrorCode.TemplateNotFound, `App '${appTag}' was not installed from a marketplace template`, { app: appTag });
    }
    return { app, template: this.template(app.template.tag) };
  }

  private template(tag: string): MarketplaceTemplate {
    const template = marketplaceTemplates().get(tag);
    if (!template) throw new DomainError(ErrorCode.TemplateNotFound, `Marketplace template '${tag}' not found`, { template: tag });
    return template;
  }
}
