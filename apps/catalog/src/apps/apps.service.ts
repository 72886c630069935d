import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, Events, OAUTH2_SCHEME_TYPES, type AppView, type CreateAppBody } from '@switchboard/contracts';
import { assertUniqueKeys, DomainError, EventPublisher, isUniqueViolation } from '@switchboard/platform';
import { In, Repository } from 'typeorm';
import { AppEntity } from './app.entity.js';
import { toAppView } from './app.view.js';

const WITH_DETAILS = { envs: true, actions: true } as const;

/** Workspace apps: the third-party APIs a team can connect to its products. */
@Injectable()
export class AppsService {
  constructor(
    @InjectRepository(AppEntity) private readonly apps: Repository<AppEntity>,
    private readonly events: EventPublisher,
  ) {}

  async create(workspaceId: string, body: CreateAppBody): Promise<AppView> {
    const envs = body.envs ?? [];
    const actions = body.actions ?? [];
    assertUniqueKeys(envs, (env) => env.slug, 'envs', 'slug');
    assertUniqueKeys(actions, (action) => action.tag, 'actions', 'tag');
    const authSchemes = body.auth ?? [];
    assertUniqueKeys(authSchemes, (scheme) => scheme.tag, 'auth', 'tag');
    const app = this.apps.create({
      workspaceId,
      tag: body.tag,
      name: body.name ?? body.tag,
      description: body.description ?? '',
      authSchemes: authSchemes.map((scheme) => {
        const oauth2 = (OAUTH2_SCHEME_TYPES as readonly string[]).includes(scheme.type);
        return {
          tag: scheme.tag,
          type: scheme.type,
          in: scheme.in ?? 'header',
          name: scheme.type === 'api_key' ? (scheme.name ?? (scheme.in === 'query' ? 'api_key' : 'X-API-Key')) : null,
          // The contract lets token_url (required for them) and these settings through for OAuth2 types only.
          token_url: scheme.token_url ?? null,
          scopes: scheme.scopes ?? [],
          audience: scheme.audience ?? null,
          client_auth: oauth2 ? (scheme.client_auth ?? 'body') : null,
        };
      }),
      envs: envs.map((env, position) => ({
        workspaceId,
        slug: env.slug,
        baseUrl: env.base_url,
        requestType: env.request_type,
        active: env.active ?? true,
        // Only the limits given are stored: a later change of a platform default reaches every other one.
        timeouts: { ...env.timeouts },
        position,
      })),
      actions: actions.map((action, position) => ({
        workspaceId,
        tag: action.tag,
        method: action.method,
        path: action.path,
        requestType: action.request_type ?? null,
        description: action.description ?? '',
        position,
      })),
    });
    try {
      // save() with cascades runs in one transaction: an app is stored whole or not at all.
      await this.apps.save(app);
    } catch (error) {
      if (isUniqueViolation(error, 'apps_workspace_tag_unique')) {
        throw new DomainError(ErrorCode.AppTagTaken, `An app tagged '${body.tag}' already exists in this workspace`, { app: body.tag });
      }
      throw error;
    }
    this.events.publish(Events.AppCreated, { workspace_id: workspaceId, app: app.tag });
    return this.fetch(workspaceId, app.tag);
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

  async fetch(workspaceId: string, tag: string): Promise<AppView> {
    const app = await this.apps.findOne({ where: { workspaceId, tag }, relations: WITH_DETAILS });
    if (!app) throw new DomainError(ErrorCode.AppNotFound, `App '${tag}' not found`, { app: tag });
    return toAppView(app);
  }

  async list(workspaceId: string, tags?: string[]): Promise<AppView[]> {
    const apps = await this.apps.find({
      where: tags ? { workspaceId, tag: In(tags) } : { workspaceId },
      relations: WITH_DETAILS,
      order: { tag: 'ASC' },
    });
    return apps.map(toAppView);
  }
}
