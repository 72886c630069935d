import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  Events,
  type AccessTagReply,
  type AddConnectionBody,
  type ConnectedAppView,
  type ConnectionView,
  type UpdateConnectionBody,
} from '@switchboard/contracts';
import { DomainError, EventPublisher, fieldFailure, findUnique, isUniqueViolation } from '@switchboard/platform';
import { DataSource, In, Like, Repository, type FindOptionsWhere } from 'typeorm';
import { CatalogClient } from '../catalog/catalog.client.js';
import { ConnectionEnvEntity } from './connection-env.entity.js';
import { planConnectionEnvs, type PlannedConnectionEnv } from './connection-env.plan.js';
import { ConnectionEntity } from './connection.entity.js';
import { toConnectionView } from './connection.view.js';

const MAX_SUGGESTION_SUFFIX = 1000;

/** Connected apps: one app instance in one product, named by its access tag. */
@Injectable()
export class ConnectionsService {
  constructor(
    @InjectRepository(ConnectionEntity) private readonly connections: Repository<ConnectionEntity>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly catalog: CatalogClient,
    private readonly events: EventPublisher,
  ) {}

  /**
   * Prepares connecting `appTag` to the product: registers a bare app of that tag in the catalog if nobody has (so
   * `connect('stripe')` works on a fresh workspace) and answers a free access tag for it.
   */
  async connect(workspaceId: string, productTag: string, appTag: string): Promise<AccessTagReply> {
    // The product is checked first, so a call for a missing product registers no app.
    const suggestion = await this.freeAccessTag(workspaceId, productTag, appTag);
    await this.catalog.ensureApp(workspaceId, appTag);
    return suggestion;
  }

  /** The app's tag, or the tag with the first free `-N` suffix, in a product that exists. */
  private async freeAccessTag(workspaceId: string, productTag: string, appTag: string): Promise<AccessTagReply> {
    await this.catalog.fetchProduct(workspaceId, productTag);
    const taken = await this.connections.find({
      select: { accessTag: true },
      where: [
        { workspaceId, productTag, accessTag: appTag },
        { workspaceId, productTag, accessTag: Like(`${appTag.replace(/[%_\\]/g, '\\$&')}-%`) },
      ],
    });
    const used = new Set(taken.map((connection) => connection.accessTag));
    if (!used.has(appTag)) return { access_tag: appTag };
    for (let suffix = 2; suffix <= MAX_SUGGESTION_SUFFIX; suffix += 1) {
      const candidate = `${appTag}-${suffix}`;
      if (!used.has(candidate) && candidate.length <= 64) return { access_tag: candidate };
    }
    throw new DomainError(ErrorCode.AccessTagTaken, `No free access tag is left for app '${appTag}'; choose one explicitly`, { app: appTag });
  }

  async create(workspaceId: string, productTag: string, body: AddConnectionBody): Promise<ConnectedAppView> {
    const appTag = body.app ?? body.access_tag;
    const [product, app] = await Promise.all([this.catalog.fetchProduct(workspaceId, productTag), this.catalog.fetchApp(workspaceId, appTag)]);
    const envs = planConnectionEnvs(body.envs, product, app);
    const connection = this.connections.create({
      workspaceId,
      productTag,
      accessTag: body.access_tag,
      appTag,
      envs: envs.map((env, position) => this.envEntity(workspaceId, env, position)),
    });
    try {
      await this.connections.save(connection);
    } catch (error) {
      if (isUniqueViolation(error, 'connections_access_tag_unique')) {
        // Named as the field, so a form shows it beside its access tag input.
        throw fieldFailure('access_tag', `Access tag '${body.access_tag}' is already used in product '${productTag}'`, ErrorCode.AccessTagTaken, {
          access_tag: body.access_tag,
          product: productTag,
        });
      }
      throw error;
    }
    this.events.publish(Events.ConnectionCreated, { workspace_id: workspaceId, product: productTag, access_tag: body.access_tag });
    return { ...(await this.fetch(workspaceId, productTag, body.access_tag)), app_name: app.name };
  }

  async fetch(workspaceId: string, productTag: string, accessTag: string): Promise<ConnectionView> {
    return toConnectionView(await this.find(workspaceId, productTag, accessTag));
  }

  async list(workspaceId: string, productTag: string): Promise<ConnectionView[]> {
    await this.catalog.fetchProduct(workspaceId, productTag);
    const connections = await this.connections.find({
      where: { workspaceId, productTag },
      relations: { envs: true },
      order: { createdAt: 'ASC', accessTag: 'ASC' },
    });
    return connections.map(toConnectionView);
  }

  /** Replaces the listed envs field by field and keeps the others; all of it or nothing is written. */
  async update(workspaceId: string, productTag: string, accessTag: string, changes: UpdateConnectionBody): Promise<ConnectedAppView> {
    const { id, appTag } = await this.find(workspaceId, productTag, accessTag);
    const [product, app] = await Promise.all([this.catalog.fetchProduct(workspaceId, productTag), this.catalog.fetchApp(workspaceId, appTag)]);

    await this.dataSource.transaction(async (manager) => {
      // The row lock makes concurrent updates of one connection apply one after the other, each merged
      // over the envs the previous one left, so no change is lost and no env is inserted twice.
      await manager.findOneOrFail(ConnectionEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const current = await manager.find(ConnectionEnvEntity, { where: { connection: { id } } });
      const stored = new Map(current.map((env) => [env.productEnvSlug, this.plannedFrom(env)]));
      const planned = planConnectionEnvs(changes.envs, product, app, stored);
      const nextPosition = Math.max(-1, ...current.map((env) => env.position)) + 1;

      const replaced = current.filter((env) => planned.some((p) => p.productEnvSlug === env.productEnvSlug));
      if (replaced.length > 0) await manager.delete(ConnectionEnvEntity, { id: In(replaced.map((env) => env.id)) });
      const rows = planned.map((env, index) => {
        const keptPosition = replaced.find((old) => old.productEnvSlug === env.productEnvSlug)?.position;
        return { ...this.envEntity(workspaceId, env, keptPosition ?? nextPosition + index), connection: { id } };
      });
      await manager.insert(ConnectionEnvEntity, rows);
      await manager.update(ConnectionEntity, { id }, { updatedAt: new Date() });
    });
    this.events.publish(Events.ConnectionUpdated, { workspace_id: workspaceId, product: productTag, access_tag: accessTag });
    return { ...(await this.fetch(workspaceId, productTag, accessTag)), app_name: app.name };
  }

  /** Every connection of the workspace to that app, in any product. */
  listByApp(workspaceId: string, appTag: string): Promise<ConnectionView[]> {
    return this.listWhere({ workspaceId, appTag });
  }

  /** The product's connections, whether or not the catalog still has the product (it asks this before changing it). */
  listByProduct(workspaceId: string, productTag: string): Promise<ConnectionView[]> {
    return this.listWhere({ workspaceId, productTag });
  }

  private async listWhere(where: FindOptionsWhere<ConnectionEntity>): Promise<ConnectionView[]> {
    const connections = await this.connections.find({ where, relations: { envs: true }, order: { productTag: 'ASC', accessTag: 'ASC' } });
    return connections.map(toConnectionView);
  }

  /**
   * Disconnects an app from the product: the connection and its envs go in one statement (the envs cascade). Run
   * records live in the executor and keep naming the access tag, so they stay readable until retention removes them.
   */
  async delete(workspaceId: string, productTag: string, accessTag: string): Promise<ConnectionView> {
    const connection = await this.find(workspaceId, productTag, accessTag);
    const { affected } = await this.connections.delete({ id: connection.id });
    // A concurrent delete of the same connection won: answer as if this one had come second.
    if (!affected) await this.find(workspaceId, productTag, accessTag);
    this.events.publish(Events.ConnectionDeleted, { workspace_id: workspaceId, product: productTag, access_tag: accessTag });
    return toConnectionView(connection);
  }

  private async find(workspaceId: string, productTag: string, accessTag: string): Promise<ConnectionEntity> {
    const connection = await findUnique(this.connections, { where: { workspaceId, productTag, accessTag }, relations: { envs: true } });
    if (!connection) {
      throw new DomainError(ErrorCode.ConnectionNotFound, `Connection '${accessTag}' not found in product '${productTag}'`, {
        access_tag: accessTag,
        product: productTag,
      });
    }
    return connection;
  }

  private envEntity(workspaceId: string, env: PlannedConnectionEnv, position: number): Omit<ConnectionEnvEntity, 'id' | 'connection'> {
    return { workspaceId, ...env, position };
  }

  private plannedFrom(env: ConnectionEnvEntity): PlannedConnectionEnv {
    const { productEnvSlug, appEnvSlug, baseUrl, requestType, active, variables, auth, rateLimit } = env;
    return { productEnvSlug, appEnvSlug, baseUrl, requestType, active, variables, auth, rateLimit };
  }
}
