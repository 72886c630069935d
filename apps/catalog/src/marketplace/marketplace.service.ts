import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  APP_LIMITS,
  ErrorCode,
  Events,
  type AppTemplateUpdatePreview,
  type AppView,
  type CreateAppBody,
  type ListTemplatesQuery,
  type MarketplaceTemplate,
  type PublishAppBody,
  type TemplateListView,
  type TemplateView,
} from '@switchboard/contracts';
import { DomainError, EventPublisher, isUniqueViolation } from '@switchboard/platform';
import { Repository } from 'typeorm';
import { keepingRateLimit } from '../apps/app-definition.js';
import { diffApp } from '../apps/app-diff.js';
import { patchedDefinition } from '../apps/app-patch.js';
import { AppsService } from '../apps/apps.service.js';
import type { AppDefinitionView } from '../apps/app.view.js';
import { PublishedTemplateEntity } from './published-template.entity.js';
import { marketplaceTemplates } from './template-library.js';
import { appDefinitionOf, listTemplates, toTemplateView, type ListedTemplate } from './template-listing.js';
import { isOlderVersion } from './template-version.js';

/**
 * The marketplace: the platform's templates plus each workspace's private listing of apps it published, to browse
 * and install as apps the workspace owns. A workspace's own template shadows a platform one of the same tag for it.
 */
@Injectable()
export class MarketplaceService {
  constructor(
    private readonly apps: AppsService,
    @InjectRepository(PublishedTemplateEntity) private readonly published: Repository<PublishedTemplateEntity>,
    private readonly events: EventPublisher,
  ) {}

  async list(workspaceId: string, query: ListTemplatesQuery): Promise<TemplateListView> {
    const own = (await this.published.find({ where: { workspaceId }, order: { tag: 'ASC' } })).map(toListedTemplate);
    const ownTags = new Set(own.map((template) => template.tag));
    const platform = [...marketplaceTemplates().values()].filter((template) => !ownTags.has(template.tag)).map(fromLibrary);
    return listTemplates([...own, ...platform], query);
  }

  async fetch(workspaceId: string, tag: string): Promise<TemplateView> {
    return toTemplateView(await this.template(workspaceId, tag));
  }

  /** Copies the template into the workspace as its app `appTag` (the template's tag by default). */
  async install(workspaceId: string, templateTag: string, appTag = templateTag): Promise<AppView> {
    return this.installTemplate(workspaceId, await this.template(workspaceId, templateTag), appTag);
  }

  /** Puts the workspace's app on its private listing at `listing.version`, replacing what it published before. */
  async publish(workspaceId: string, appTag: string, listing: PublishAppBody): Promise<TemplateView> {
    const app = await this.apps.fetchDefinition(workspaceId, appTag);
    const definition = patchedDefinition(app, {});
    assertTemplateFits(definition);
    const fields = { workspaceId, tag: app.tag, category: listing.category, version: listing.version, docsUrl: listing.docs_url ?? null, definition };
    const save = async (): Promise<void> => {
      const current = await this.published.findOne({ where: { workspaceId, tag: app.tag } });
      await this.published.save(Object.assign(current ?? this.published.create(), fields));
    };
    // A publish racing another of the same app inserts second: it then replaces the row the first one wrote.
    try {
      await save();
    } catch (error) {
      if (!isUniqueViolation(error, 'published_templates_workspace_tag_unique')) throw error;
      await save();
    }
    this.events.publish(Events.TemplatePublished, { workspace_id: workspaceId, template: app.tag });
    return this.fetch(workspaceId, app.tag);
  }

  /**
   * `catalog.app.ensure`: the workspace's app of that tag; when it has none, the template of that tag installed,
   * else a bare app. Two connects racing over a new tag end with one installed app.
   */
  async ensure(workspaceId: string, tag: string): Promise<AppView> {
    try {
      return await this.apps.fetch(workspaceId, tag);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === ErrorCode.AppNotFound)) throw error;
    }
    const template = await this.findTemplate(workspaceId, tag);
    if (!template) return this.apps.ensure(workspaceId, tag);
    try {
      return await this.installTemplate(workspaceId, template, tag);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.AppTagTaken) return this.apps.fetch(workspaceId, tag);
      throw error;
    }
  }

  /** What updating the installed app to its template's newest version would add, change and remove. */
  async previewUpdate(workspaceId: string, appTag: string): Promise<AppTemplateUpdatePreview> {
    const { app, version, template } = await this.installed(workspaceId, appTag);
    return {
      app: app.tag,
      template: template.tag,
      from_version: version,
      to_version: template.version,
      update_available: isOlderVersion(version, template.version),
      diff: diffApp(app, keepingRateLimit({ ...appDefinitionOf(template), tag: app.tag }, app)),
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

  private installTemplate(workspaceId: string, template: ListedTemplate, appTag: string): Promise<AppView> {
    return this.apps.create(workspaceId, { ...appDefinitionOf(template), tag: appTag }, { tag: template.tag, version: template.version });
  }

  private async installed(workspaceId: string, appTag: string): Promise<{ app: AppDefinitionView; version: string; template: ListedTemplate }> {
    const app = await this.apps.fetchDefinition(workspaceId, appTag);
    if (!app.template) {
      throw new DomainError(ErrorCode.TemplateNotFound, `App '${appTag}' was not installed from a marketplace template`, { app: appTag });
    }
    return { app, version: app.template.version, template: await this.template(workspaceId, app.template.tag) };
  }

  private async template(workspaceId: string, tag: string): Promise<ListedTemplate> {
    const template = await this.findTemplate(workspaceId, tag);
    if (!template) throw new DomainError(ErrorCode.TemplateNotFound, `Marketplace template '${tag}' not found`, { template: tag });
    return template;
  }

  private async findTemplate(workspaceId: string, tag: string): Promise<ListedTemplate | undefined> {
    const own = await this.published.findOne({ where: { workspaceId, tag } });
    if (own) return toListedTemplate(own);
    const template = marketplaceTemplates().get(tag);
    return template && fromLibrary(template);
  }
}

function fromLibrary(template: MarketplaceTemplate): ListedTemplate {
  return { ...template, source: 'marketplace' };
}

function toListedTemplate(row: PublishedTemplateEntity): ListedTemplate {
  return { ...row.definition, tag: row.tag, category: row.category, logo: null, docs_url: row.docsUrl, version: row.version, source: 'workspace' };
}

// A template is fetched whole, every schema included, so the definition a workspace publishes must fit one reply.
function assertTemplateFits(definition: CreateAppBody): void {
  const bytes = Buffer.byteLength(JSON.stringify(definition));
  if (bytes > APP_LIMITS.templateBytes) {
    throw new DomainError(
      ErrorCode.AppTooLarge,
      `App '${definition.tag}' is ${bytes} bytes with its schemas, more than the ${APP_LIMITS.templateBytes} a marketplace template may be: a template is fetched whole`,
      { app: definition.tag, bytes, max_bytes: APP_LIMITS.templateBytes },
    );
  }
}
