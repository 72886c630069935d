import { Type } from 'class-transformer';
import { IsObject, IsString, IsUUID, Length, ValidateNested, registerDecorator, type ValidationArguments } from 'class-validator';
import type { AppDiff } from '../catalog/app-diff.js';
import type { ActionSummaryView, AppView } from '../catalog/app.dto.js';
import { APP_LIMITS } from '../catalog/app-limits.js';
import type { AuthSchemeType } from '../catalog/auth-scheme.rules.js';
import { IsOmittable, IsTag, isAbsoluteHttpUrl } from '../common/validators.js';
import { WorkspaceScopedRequest } from '../common/workspace-scoped.request.js';

/** Where an imported document comes from: exactly one of these fields of {@link ImportAppBody}. */
export const IMPORT_SOURCES = ['document', 'url', 'import_id'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SOURCE_RULES: Record<ImportSource, { check: (value: unknown) => boolean; rule: string }> = {
  document: { check: (value) => typeof value === 'string', rule: 'must be a string: the text of an OpenAPI, Swagger or Postman document' },
  url: { check: isAbsoluteHttpUrl, rule: 'must be an absolute http(s) URL' },
  import_id: { check: (value) => typeof value === 'string' && UUID.test(value), rule: 'must be the import_id a preview answered (a UUID)' },
};

/**
 * One source field of an import: checks its own value and that it is the only source given. The first field reports
 * that none is given, so a body without a source gets exactly one message.
 */
function IsImportSource(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    const source = String(propertyName) as ImportSource;
    const given = (body: object): ImportSource[] => IMPORT_SOURCES.filter((name) => (body as Record<string, unknown>)[name] !== undefined);
    const problemOf = (value: unknown, body: object): string | undefined => {
      const sources = given(body);
      if (sources.length === 0) return source === IMPORT_SOURCES[0] ? `one of ${IMPORT_SOURCES.join(', ')} is required: the document's text, its URL or a preview's import_id` : undefined;
      if (value === undefined) return undefined;
      if (sources.length > 1) return `${source} must not be sent with ${sources.filter((name) => name !== source).join(', ')}: send exactly one of ${IMPORT_SOURCES.join(', ')}`;
      return SOURCE_RULES[source].check(value) ? undefined : `${source} ${SOURCE_RULES[source].rule}`;
    };
    registerDecorator({
      name: 'isImportSource',
      target: target.constructor,
      propertyName: source,
      options: { message: (args: ValidationArguments) => problemOf(args.value, args.object) ?? '' },
      validator: { validate: (value: unknown, args: ValidationArguments) => problemOf(value, args.object) === undefined },
    });
  };
}

/** The caller's choices about the app an import makes: fields of the HTTP body, handed to the catalog as they are. */
export class AppImportOptions {
  /** The new app's tag; the document's title, made a tag, by default. */
  @IsOmittable()
  @IsTag()
  tag?: string;

  /** The new app's name; the document's title by default. */
  @IsOmittable()
  @Length(1, APP_LIMITS.nameChars)
  @IsString()
  name?: string;

  /** An existing app to re-import into: the preview shows the diff, the commit applies it. */
  @IsOmittable()
  @IsTag()
  app?: string;
}

/**
 * Body of `POST /v1/apps/import/preview` and `POST /v1/apps/import` (JSON, or multipart with a `document` file and
 * these text fields): the document as text, a URL the platform downloads, or the `import_id` of a preview.
 */
export class ImportAppBody extends AppImportOptions {
  @IsImportSource()
  document?: string;

  @IsImportSource()
  url?: string;

  @IsImportSource()
  import_id?: string;
}

/** `catalog.app-import.preview` and `catalog.app-import.commit`: a stored document and the caller's choices. */
export class AppImportRequest extends WorkspaceScopedRequest {
  @IsUUID()
  import_id!: string;

  @ValidateNested()
  @Type(() => AppImportOptions)
  @IsObject()
  options!: AppImportOptions;
}

/** Something in the document the import left out or changed, and where: a JSON pointer into the document. */
export interface ImportWarningView {
  code: string;
  message: string;
  pointer?: string;
}

/** What an import would create: the app's outline. */
export interface ImportedAppSummary {
  tag: string;
  name: string;
  envs: { slug: string; base_url: string }[];
  auth: { tag: string; type: AuthSchemeType }[];
  /** Every action, as a summary (as an app view lists them): the preview stays small for a large document. */
  actions: ActionSummaryView[];
}

/** The answer of a preview: nothing is written; commit the same `import_id` to apply it. */
export interface AppImportPreview {
  import_id: string;
  format: 'openapi' | 'swagger' | 'postman';
  /** The version the document declares (`3.0.3`, `2.0`, `2.1.0`). */
  version: string;
  app: ImportedAppSummary;
  /** The first warnings (IMPORT_LIMITS), their text cut to a length; `warning_total` counts them all. */
  warnings: ImportWarningView[];
  warning_total: number;
  /** With `app`: what re-importing into that app would add, change and remove. */
  diff?: AppDiff;
}

/** The answer of a commit: the app as stored, and for a re-import what it changed. */
export interface AppImportResult {
  import_id: string;
  app: AppView;
  diff?: AppDiff;
  warning_total: number;
}
