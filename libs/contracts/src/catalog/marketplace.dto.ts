import { Type } from 'class-transformer';
import { IsIn, IsObject, IsString, Length, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { IsQueryInteger } from '../common/query-integer.js';
import { IsHttpUrl, IsOmittable, IsTag } from '../common/validators.js';
import { WorkspaceScopedRequest } from '../common/workspace-scoped.request.js';
import type { AppDiff } from './app-diff.js';
import { CreateAppBody } from './app.dto.js';

/** The shelves of the marketplace; a template sits on exactly one. */
export const TEMPLATE_CATEGORIES = [
  'payments',
  'email',
  'messaging',
  'crm',
  'commerce',
  'productivity',
  'developer-tools',
  'support',
  'ai',
  'spreadsheets',
] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

/** A template version: `MAJOR.MINOR.PATCH`, compared number by number. */
export const TEMPLATE_VERSION_PATTERN = /^(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})\.(0|[1-9]\d{0,5})$/;

/**
 * One marketplace template (`apps/catalog/src/marketplace/templates/<tag>.json`): the app a workspace gets on install,
 * exactly as `POST /v1/apps` takes it, plus what the listing shows.
 */
export class MarketplaceTemplate extends CreateAppBody {
  @IsIn(TEMPLATE_CATEGORIES, { message: `$property must be one of ${TEMPLATE_CATEGORIES.join(', ')}` })
  category!: TemplateCategory;

  /** An inline SVG document, or null for none. */
  @ValidateIf((_, value) => value !== null)
  @Matches(/^<svg[\s>][\s\S]*<\/svg>\s*$/, { message: '$property must be an inline SVG document or null' })
  @MaxLength(20_000)
  @IsString()
  logo!: string | null;

  @IsHttpUrl()
  docs_url!: string;

  @Matches(TEMPLATE_VERSION_PATTERN, { message: '$property must be a MAJOR.MINOR.PATCH version' })
  version!: string;
}

/** Where a listing comes from: the platform's templates, or an app the workspace published to its own listing. */
export type TemplateSource = 'marketplace' | 'workspace';

/** A listing row: the template without its envs, actions and auth, with how many actions it brings. */
export interface TemplateSummaryView {
  tag: string;
  name: string;
  description: string;
  category: TemplateCategory;
  logo: string | null;
  docs_url: string | null;
  version: string;
  source: TemplateSource;
  action_count: number;
}

/** One template whole, as `GET /v1/marketplace/apps/:tag` returns it. */
export interface TemplateView extends TemplateSummaryView {
  app: CreateAppBody;
}

export interface TemplateListView {
  items: TemplateSummaryView[];
  /** Every category with how many templates of the search fall in it (before the category filter). */
  categories: { category: TemplateCategory; count: number }[];
  total: number;
  offset: number;
  limit: number;
}

/** Query of `GET /v1/marketplace/apps`. */
export class ListTemplatesQuery {
  /** Matched, case-insensitively, against tag, name, description and category. */
  @IsOmittable()
  @Length(1, 200)
  @IsString()
  search?: string;

  @IsOmittable()
  @IsIn(TEMPLATE_CATEGORIES, { message: `$property must be one of ${TEMPLATE_CATEGORIES.join(', ')}` })
  category?: TemplateCategory;

  @IsOmittable()
  @Min(0)
  @IsQueryInteger()
  offset?: number;

  @IsOmittable()
  @Max(100)
  @Min(1)
  @IsQueryInteger()
  limit?: number;
}

/** Body of `POST /v1/marketplace/apps/:tag/install`: the app's tag in the workspace, the template's by default. */
export class InstallTemplateBody {
  @IsOmittable()
  @IsTag()
  tag?: string;
}

/** `catalog.template.list` */
export class ListTemplatesRequest extends WorkspaceScopedRequest {
  @ValidateNested()
  @Type(() => ListTemplatesQuery)
  @IsObject()
  query!: ListTemplatesQuery;
}

/** `catalog.template.fetch` */
export class TemplateTagRequest extends WorkspaceScopedRequest {
  @IsTag()
  template_tag!: string;
}

/** `catalog.template.install` */
export class InstallTemplateRequest extends TemplateTagRequest {
  @IsOmittable()
  @IsTag()
  app_tag?: string;
}

/** Body of `POST /v1/apps/:app/publish`: the listing fields of the template the workspace's app becomes. */
export class PublishAppBody {
  @IsIn(TEMPLATE_CATEGORIES, { message: `$property must be one of ${TEMPLATE_CATEGORIES.join(', ')}` })
  category!: TemplateCategory;

  @Matches(TEMPLATE_VERSION_PATTERN, { message: '$property must be a MAJOR.MINOR.PATCH version' })
  version!: string;

  @IsOmittable()
  @IsHttpUrl()
  docs_url?: string;
}

/** `catalog.app.publish` */
export class PublishAppRequest extends WorkspaceScopedRequest {
  @IsTag()
  app_tag!: string;

  @ValidateNested()
  @Type(() => PublishAppBody)
  @IsObject()
  listing!: PublishAppBody;
}

/** What an installed app remembers of its template, and whether that template has moved on. */
export interface AppTemplateView {
  tag: string;
  version: string;
  latest_version: string | null;
  update_available: boolean;
}

/** `catalog.app.template-preview` and `catalog.app.template-apply`: an installed app and its template's newest version. */
export class AppTemplateUpdateRequest extends WorkspaceScopedRequest {
  @IsTag()
  app_tag!: string;
}

/** What updating an installed app to its template's newest version would change, as a re-import previews it. */
export interface AppTemplateUpdatePreview {
  app: string;
  template: string;
  from_version: string;
  to_version: string;
  update_available: boolean;
  diff: AppDiff;
}
