import { Injectable } from '@nestjs/common';
import { ErrorCode, Subjects, type AppEnvView, type AppWithActionView, type ConnectionView, type ProductView, type RunActionBody } from '@switchboard/contracts';
import { DomainError, fieldFailure, NatsRequester } from '@switchboard/platform';
import { ActionCache, type CatalogAction } from '../cache/action.cache.js';
import { RunPlanCache } from '../cache/run-plan.cache.js';
import type { OutboundTimeouts } from '../outbound/outbound-request.js';
import { rateLimitBucketOf } from '../rate-limits/connection-rate-limiter.js';
import { compileInputSchemaCheck } from './input-schema-check.js';
import type { RunTarget } from './run-target.js';

/**
 * Resolves access tag → product env (active) → connection env → mapped app env (base URL, request type, active) and
 * the action, asking the connection and catalog services, which own that data.
 */
@Injectable()
export class RunTargetLoader {
  constructor(
    private readonly nats: NatsRequester,
    private readonly actions: ActionCache,
    private readonly plans: RunPlanCache,
  ) {}

  /**
   * From memory when warm; events from the connection and catalog services drop stale plans, the maximum age the rest.
   * The action has a cache of its own, which only the catalog's events drop.
   */
  async load(workspaceId: string, run: RunActionBody): Promise<RunTarget> {
    const cached = await this.plans.getOrLoad(workspaceId, planKeyOf(run), () => this.loadFresh(workspaceId, run));
    return cached.value;
  }

  /** True when the run's plan is in memory: loading it asks no other service. */
  isWarm(workspaceId: string, run: RunActionBody): boolean {
    return this.plans.peek(workspaceId, planKeyOf(run)) !== undefined;
  }

  private async loadFresh(workspaceId: string, run: RunActionBody): Promise<RunTarget> {
    const { connection, product } = await this.fetchConnectionAndProduct(workspaceId, run);
    const productEnv = product.envs.find((candidate) => candidate.slug === run.env);
    if (productEnv && !productEnv.active) {
      throw new DomainError(ErrorCode.ProductEnvInactive, `Env '${run.env}' of product '${run.product}' is deactivated`, { product: run.product, env: run.env });
    }
    const env = connection.envs.find((candidate) => candidate.product_env_slug === run.env);
    if (!env) {
      const known = connection.envs.map((candidate) => candidate.product_env_slug).join(', ');
      throw new DomainError(ErrorCode.ConnectionEnvNotFound, `Connection '${run.app}' has no env '${run.env}' (it has ${known})`, {
        access_tag: run.app,
        env: run.env,
      });
    }
    // Only when a connection was made against a slug the product renamed at that moment (docs/architecture.md).
    if (!productEnv) {
      throw new DomainError(ErrorCode.ProductEnvNotFound, `Product '${run.product}' has no env '${run.env}' (it has ${product.envs.map((candidate) => candidate.slug).join(', ')})`, {
        product: run.product,
        env: run.env,
      });
    }
    if (!env.active) {
      throw new DomainError(ErrorCode.ConnectionEnvInactive, `Connection '${run.app}' is not active in env '${run.env}'`, { access_tag: run.app, env: run.env });
    }
    const { app, checkInput } = await this.loadAction(workspaceId, connection.app, run.event);
    const { action } = app;
    const appEnv = app.envs.find((candidate) => candidate.slug === env.app_env_slug);
    if (appEnv && !appEnv.active) {
      throw new DomainError(ErrorCode.ConnectionEnvInactive, `App '${app.tag}' has its env '${appEnv.slug}' switched off`, { app: app.tag, env: appEnv.slug });
    }
    const baseUrl = env.base_url ?? appEnv?.base_url;
    if (!baseUrl) {
      throw new DomainError(ErrorCode.ConnectionEnvNotFound, `Connection '${run.app}' has no base URL for env '${run.env}'`, { access_tag: run.app, env: run.env });
    }
    const auth = env.auth.map((entry) => {
      const scheme = app.auth.find((candidate) => candidate.tag === entry.auth_tag);
      if (!scheme) {
        throw fieldFailure(
          'auth_tag',
          `Connection '${run.app}' uses auth '${entry.auth_tag}' in env '${run.env}', which app '${app.tag}' does not declare (it has ${app.auth.map((s) => s.tag).join(', ') || 'none'})`,
        );
      }
      return { scheme, data: entry.data };
    });
    // A connection env's own limit replaces its app's whole: it is the limit of that env's credentials.
    const ownLimit = env.rate_limit ?? null;
    const limit = ownLimit ?? app.rate_limit ?? null;
    return {
      ...(checkInput ? { checkInput } : {}),
      ...(limit ? { rateLimit: { limit, source: ownLimit ? 'connection' : 'app', bucket: rateLimitBucketOf(workspaceId, run.product, run.app, run.env) } } : {}),
      auth,
      variables: new Map(env.variables.map(({ key, value }) => [key, value])),
      timeouts: timeoutsOf(appEnv),
      appTag: app.tag,
      accessTag: run.app,
      env: run.env,
      baseUrl,
      requestType: action.request_type ?? env.request_type ?? appEnv?.request_type ?? 'JSON',
      method: action.method,
      path: action.path,
    };
  }

  private async loadAction(workspaceId: string, appTag: string, actionTag: string): Promise<CatalogAction> {
    const cached = await this.actions.getOrLoad(workspaceId, `${appTag}|${actionTag}`, async () => {
      // The app with only this action: an app's whole definition, schemas and all, may not fit one NATS message.
      const app = await this.nats.request<AppWithActionView>(Subjects.CatalogActionFetch, { workspace_id: workspaceId, app_tag: appTag, action_tag: actionTag });
      const checkInput = compileInputSchemaCheck(app.action.schema, app.action.tag);
      return checkInput ? { app, checkInput } : { app };
    });
    return cached.value;
  }

  // Asked at once, answered in order: an unknown product reads better as such than as an unknown connection inside it,
  // and the product's env says whether the env runs at all.
  private async fetchConnectionAndProduct(workspaceId: string, run: RunActionBody): Promise<{ connection: ConnectionView; product: ProductView }> {
    const [product, connection] = await Promise.allSettled([
      this.nats.request<ProductView>(Subjects.CatalogProductFetch, { workspace_id: workspaceId, product_tag: run.product }),
      this.nats.request<ConnectionView>(Subjects.ConnectionFetch, { workspace_id: workspaceId, product_tag: run.product, access_tag: run.app }),
    ]);
    if (product.status === 'rejected') throw product.reason;
    if (connection.status === 'rejected') throw connection.reason;
    return { connection: connection.value, product: product.value };
  }
}

/** What a run's plan is cached under: the run's product, access tag, env and action. */
export function planKeyOf(run: Pick<RunActionBody, 'product' | 'app' | 'env' | 'event'>): string {
  return `${run.product}|${run.app}|${run.env}|${run.event}`;
}

// Apps stored before app envs had timeouts read as having none set; a connection env without an app env has none.
function timeoutsOf(appEnv: AppEnvView | undefined): Partial<OutboundTimeouts> {
  const set = appEnv?.timeouts;
  if (!set) return {};
  return {
    ...(set.connect_ms === null ? {} : { connectMs: set.connect_ms }),
    ...(set.headers_ms === null ? {} : { headersMs: set.headers_ms }),
    ...(set.body_ms === null ? {} : { bodyMs: set.body_ms }),
  };
}
