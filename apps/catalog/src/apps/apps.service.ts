import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, Events, type ActionSummaryView, type AppListItemView, type AppView, type AppWithActionView, type CreateAppBody, type UpdateAppBody } from '@switchboard/contracts';
import { DomainError, EventPublisher, fieldFailure, findUnique, isUniqueViolation } from '@switchboard/platform';
import { In, Repository, type QueryDeepPartialEntity } from 'typeorm';
import { ConnectionUses, stillConnected } from '../connection-uses/connection-uses.js';
import { ActionEntity } from './action.entity.js';
import { assertActionSchemasValid } from './action-schema-check.js';
import {
  actionFieldsOf,
  appDescriptionOf,
  appEnvFieldsOf,
  appNameOf,
  appRateLimitOf,
  assertUniqueDefinitionKeys,
  keepingRateLimit,
  storedAuthSchemeOf,
} from './app-definition.js';
import { diffApp, isEmptyDiff } from './app-diff.js';
import { patchedDefinition } from './app-patch.js';
import { AppEnvEntity } from './app-env.entity.js';
import { AppEntity } from './app.entity.js';
import { assertWithinAppLimits } from './app-size.js';
import { appHeaderOf, toActionView, toAppDefinitionView, toAppListItemView, type AppDefinitionView } from './app.view.js';

/** The marketplace template an app is installed from. */
export interface TemplateOrigin {
  tag: string;
  version: string;
}

const WITH_DETAILS = { envs: true, actions: true } as const;
// Rows per INSERT of actions: 10 parameters each, well under PostgreSQL's 65,535 per statement.
const ACTION_INSERT_BATCH = 1000;

/** Workspace apps: the third-party APIs a team can connect to its products. */
@Injectable()
export class AppsService {
  constructor(
    @InjectRepository(AppEntity) private readonly apps: Repository<AppEntity>,
    @InjectRepository(ActionEntity) private readonly actions: Repository<ActionEntity>,
    private readonly events: EventPublisher,
    private readonly connectionUses: ConnectionUses,
  ) {}

  async create(workspaceId: string, body: CreateAppBody, origin?: TemplateOrigin): Promise<AppView> {
    assertUniqueDefinitionKeys(body);
    assertWithinAppLimits(body);
    assertActionSchemasValid(body.actions ?? []);
    const app = this.apps.create({
      workspaceId,
      tag: body.tag,
      name: appNameOf(body),
      description: appDescriptionOf(body),
      templateTag: origin?.tag ?? null,
      templateVersion: origin?.version ?? null,
      authSchemes: (body.auth ?? []).map(storedAuthSchemeOf),
      rateLimit: appRateLimitOf(body),
      envs: (body.envs ?? []).map((env, position) => appEnvFieldsOf(workspaceId, env, position)),
    });
    const actions = (body.actions ?? []).map((action, position) => actionFieldsOf(workspaceId, action, position));
    try {
      // One transaction: an app is stored whole or not at all.
      await this.apps.manager.transaction(async (manager) => {
        await manager.save(app);
        // Plain multi-row inserts: save() would track each of thousands of actions as an entity to diff.
        for (let start = 0; start < actions.length; start += ACTION_INSERT_BATCH) {
          const rows = actions.slice(start, start + ACTION_INSERT_BATCH).map((fields) => ({ ...fields, app: { id: app.id } }));
          // TypeORM's deep-partial type cannot follow the schema column's JSON Schema records; the rows are whole.
          await manager.insert(ActionEntity, rows as QueryDeepPartialEntity<ActionEntity>[]);
        }
      });
    } catch (error) {
      if (isUniqueViolation(error, 'apps_workspace_tag_unique')) {
        // Named as the field (create, import and install all take `tag`), so a form shows it beside its tag input.
        throw fieldFailure('tag', `An app tagged '${body.tag}' already exists in this workspace`, ErrorCode.AppTagTaken, { app: body.tag });
      }
      throw error;
    }
    this.events.publish(Events.AppCreated, { workspace_id: workspaceId, app: app.tag });
    return this.fetch(workspaceId, app.tag);
  }

  /**
   * Replaces the whole definition of an existing app (as `POST /v1/apps` would have created it) in one transaction:
   * envs upserted by slug, actions and auth schemes by tag, the others removed. Changes nothing, and publishes
   * nothing, when the definition is what the app already is.
   */
  replace(workspaceId: string, tag: string, definition: CreateAppBody): Promise<AppView> {
    return this.rewrite(workspaceId, tag, (current) => keepingRateLimit(definition, current));
  }

  /** `replace` with a template's newest definition, recording its version in the same transaction. */
  replaceFromTemplate(workspaceId: string, tag: string, definition: CreateAppBody, origin: TemplateOrigin): Promise<AppView> {
    return this.rewrite(workspaceId, tag, (current) => keepingRateLimit(definition, current), origin);
  }

  /**
   * Deletes an app with its envs and actions, refused with `app_in_use` (naming the products and access tags) while
   * any connection uses it. The connection service is asked with the app row locked, and the row goes in the same
   * transaction, which keeps the window narrow but not closed: see "Deleting an app or a product" in docs/architecture.md.
   */
  async delete(workspaceId: string, tag: string): Promise<AppView> {
    const deleted = await this.apps.manager.transaction(async (manager) => {
      const app = await manager.findOne(AppEntity, { where: { workspaceId, tag }, lock: { mode: 'pessimistic_write' } });
      if (!app) throw appNotFound(tag);
      const view = await this.fetch(workspaceId, tag);
      const connections = await this.connectionUses.ofApp(workspaceId, tag);
      if (connections.length > 0) throw stillConnected({ code: ErrorCode.AppInUse, subject: `App '${tag}'`, details: { app: tag } }, connections);
      await manager.delete(AppEntity, { id: app.id });
      return view;
    });
    this.events.publish(Events.AppDeleted, { workspace_id: workspaceId, app: tag });
    return deleted;
  }

  /** Applies a `PATCH /v1/apps/:app` to the stored definition through the same path as `replace`. */
  update(workspaceId: string, tag: string, patch: UpdateAppBody): Promise<AppView> {
    return this.rewrite(workspaceId, tag, (current) => patchedDefinition(current, patch));
  }

  // The app row stays locked from reading the current definition to the commit, so two rewrites never lose one.
  private async rewrite(workspaceId: string, tag: string, definitionOf: (current: AppDefinitionView) => CreateAppBody, origin?: TemplateOrigin): Promise<AppView> {
    const changed = await this.apps.manager.transaction(async (manager) => {
      const app = await manager.findOne(AppEntity, { where: { workspaceId, tag }, lock: { mode: 'pessimistic_write' } });
      if (!app) throw appNotFound(tag);
      // Locking reads cannot join the envs and actions (outer joins), so they are read under the lock afterwards.
      app.envs = await manager.find(AppEnvEntity, { where: { app: { id: app.id } } });
      app.actions = await manager.find(ActionEntity, { where: { app: { id: app.id } } });
      const current = toAppDefinitionView(app);
      const definition = definitionOf(current);
      if (definition.tag !== tag) {
        throw new DomainError(ErrorCode.ValidationFailed, `tag must be '${tag}': an app's tag cannot change`, { field: 'tag' });
      }
      assertUniqueDefinitionKeys(definition);
      // A patch adds to what is stored, so the whole definition is measured, not the patch.
      assertWithinAppLimits(definition);
      assertActionSchemasValid(definition.actions ?? []);
      const sameOrigin = !origin || (app.templateTag === origin.tag && app.templateVersion === origin.version);
      if (isEmptyDiff(diffApp(current, definition)) && sameOrigin) return false;

      const envsBySlug = new Map(app.envs.map((env) => [env.slug, env]));
      const nextEnvs = (definition.envs ?? []).map((env, position) => appEnvFieldsOf(workspaceId, env, position));
      await manager.remove(app.envs.filter((env) => !nextEnvs.some((next) => next.slug === env.slug)));
      await manager.save(nextEnvs.map((fields) => Object.assign(envsBySlug.get(fields.slug) ?? manager.create(AppEnvEntity, { app: { id: app.id } }), fields)));

      const actionsByTag = new Map(app.actions.map((action) => [action.tag, action]));
      const nextActions = (definition.actions ?? []).map((action, position) => actionFieldsOf(workspaceId, action, position));
      await manager.remove(app.actions.filter((action) => !nextActions.some((next) => next.tag === action.tag)));
      await manager.save(nextActions.map((fields) => Object.assign(actionsByTag.get(fields.tag) ?? manager.create(ActionEntity, { app: { id: app.id } }), fields)));

      await manager.update(AppEntity, { id: app.id }, {
        name: appNameOf(definition),
        description: appDescriptionOf(definition),
        authSchemes: (definition.auth ?? []).map(storedAuthSchemeOf),
        rateLimit: appRateLimitOf(definition),
        ...(origin ? { templateTag: origin.tag, templateVersion: origin.version } : {}),
        // A change of an env or action alone is a change of the app too.
        updatedAt: () => 'now()',
      });
      return true;
    });
    if (changed) this.events.publish(Events.AppUpdated, { workspace_id: workspaceId, app: tag });
    return this.fetch(workspaceId, tag);
  }

  /** Returns the app of that tag, registering a bare one first when the workspace has none. */
  async ensure(workspaceId: string, tag: string): Promise<AppView> {
    const inserted = await this.apps
      .createQueryBuilder()
      .insert()
      .values({ workspaceId, tag, name: tag, description: '' })
      .orIgnore()
      .returning(['id'])
      .execute();
    if ((inserted.raw as unknown[]).length > 0) this.events.publish(Events.AppCreated, { workspace_id: workspaceId, app: tag });
    return this.fetch(workspaceId, tag);
  }

  /** The app with its actions as summaries, read without their schemas (tens of MiB for a large imported app). */
  async fetch(workspaceId: string, tag: string): Promise<AppView> {
    const app = await findUnique(this.apps, { where: { workspaceId, tag }, relations: { envs: true } });
    if (!app) throw appNotFound(tag);
    const actions = await this.actions
      .createQueryBuilder('action')
      .select('action.tag', 'tag')
      .addSelect('action.method', 'method')
      .addSelect('action.path', 'path')
      .addSelect('action.requestType', 'request_type')
      .addSelect('action.summary', 'summary')
      .addSelect("action.schema <> '{}'::jsonb", 'has_schema')
      .where('action.app_id = :id', { id: app.id })
      .orderBy('action.position')
      .getRawMany<ActionSummaryView>();
    return { ...appHeaderOf(app), actions };
  }

  /** The app with every action whole, to diff a new definition against (never a reply: see AppDefinitionView). */
  async fetchDefinition(workspaceId: string, tag: string): Promise<AppDefinitionView> {
    const app = await findUnique(this.apps, { where: { workspaceId, tag }, relations: WITH_DETAILS });
    if (!app) throw appNotFound(tag);
    return toAppDefinitionView(app);
  }

  /** The app with one action and no other: a run plan's view of it, which stays small however many actions the app has. */
  async fetchAction(workspaceId: string, appTag: string, actionTag: string): Promise<AppWithActionView> {
    // One query on the run path; only a miss asks which of the two is missing.
    const action = await findUnique(this.actions, { where: { app: { workspaceId, tag: appTag }, tag: actionTag }, relations: { app: { envs: true } } });
    if (!action) {
      if (!(await this.apps.existsBy({ workspaceId, tag: appTag }))) throw appNotFound(appTag);
      throw new DomainError(ErrorCode.ActionNotFound, `Action '${actionTag}' not found in app '${appTag}'`, { app: appTag, event: actionTag });
    }
    return { ...appHeaderOf(action.app), action: toActionView(action) };
  }

  /** The workspace's apps (or those tags) with their actions counted, not read: a list of large apps stays small. */
  async list(workspaceId: string, tags?: string[]): Promise<AppListItemView[]> {
    const apps = await this.apps.find({
      where: tags ? { workspaceId, tag: In(tags) } : { workspaceId },
      relations: { envs: true },
      order: { tag: 'ASC' },
    });
    if (apps.length === 0) return [];
    const counts = await this.actions
      .createQueryBuilder('action')
      .select('action.app_id', 'app_id')
      .addSelect('count(*)::int', 'actions')
      .where('action.app_id IN (:...ids)', { ids: apps.map((app) => app.id) })
      .groupBy('action.app_id')
      .getRawMany<{ app_id: string; actions: number }>();
    const countOf = new Map(counts.map((row) => [row.app_id, row.actions]));
    return apps.map((app) => toAppListItemView(app, countOf.get(app.id) ?? 0));
  }
}

const appNotFound = (tag: string): DomainError => new DomainError(ErrorCode.AppNotFound, `App '${tag}' not found`, { app: tag });
