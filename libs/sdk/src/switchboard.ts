import type { SessionView } from '@switchboard/contracts';
import { ActionsClient } from './actions-client.js';
import { AppsClient } from './apps-client.js';
import { HttpClient, type HttpEndpoint } from './http-client.js';
import { IntegrationsClient } from './integrations-client.js';
import { MarketplaceClient } from './marketplace-client.js';
import { ProductClient } from './product-client.js';
import { SecretsClient } from './secrets-client.js';
import { MembersClient } from './members-client.js';
import { AuditClient } from './audit-client.js';
import { SessionStart } from './session-start.js';
import { SdkErrorCode, SwitchboardError } from './switchboard-error.js';
import { resolveOptions, resolveResumeOptions } from './switchboard-options.js';
import type { ResumeOptions, SignInOptions, SwitchboardOptions, SwitchboardSession } from './types.js';

const SESSIONS_PATH = '/v1/sessions';
const CURRENT_SESSION_PATH = '/v1/sessions/current';

/**
 * Entry point of the SDK: one instance per workspace user, remembering the product chosen by `product.init`. Built
 * with a private key (`new Switchboard(...)`, scripts and servers) or from a sign-in session (`Switchboard.signIn`,
 * `Switchboard.resume`, browsers), which keeps no key.
 */
export class Switchboard {
  /** The workspace app catalog. */
  readonly app: AppsClient;
  /** Marketplace templates: list, search, fetch, install, update installed apps. */
  readonly marketplace: MarketplaceClient;
  /** Products, and the apps connected to the selected one. */
  readonly product: ProductClient;
  /** Running connected apps' actions. */
  readonly actions: ActionsClient;
  /** Workspace secrets, referenced in configurations as `$Token{KEY}`. */
  readonly secrets: SecretsClient;
  /** fetch() with secrets substituted, and user and network secrets, for integrations. */
  readonly integrations: IntegrationsClient;
  /** Workspace members, their roles and their API keys. */
  readonly members: MembersClient;
  /** The administrative audit log: who changed what, when and from where. */
  readonly audit: AuditClient;
  readonly #http: HttpClient;
  #session: SwitchboardSession | undefined;

  /** Validates `options` and throws a SwitchboardError `invalid_options` naming the faulty field. */
  constructor(options: SwitchboardOptions | SessionStart) {
    const http = options instanceof SessionStart ? options.http : new HttpClient(resolveOptions(options));
    this.#http = http;
    this.#session = options instanceof SessionStart ? options.session : undefined;
    this.app = new AppsClient(http);
    this.marketplace = new MarketplaceClient(http);
    this.product = new ProductClient(http);
    this.secrets = new SecretsClient(http);
    this.actions = new ActionsClient(http);
    this.integrations = new IntegrationsClient(http);
    this.members = new MembersClient(http);
    this.audit = new AuditClient(http);
  }

  /**
   * Signs in with the credentials, sent this once, and resolves with a client authenticated by the session cookie the
   * gateway sets (HttpOnly: the browser keeps it, no script sees it); the private key is not kept. Wrong credentials
   * reject with `unauthenticated` (401). The cookie is kept by browsers only: Node's fetch keeps no cookies.
   */
  static async signIn(options: SignInOptions): Promise<Switchboard> {
    const { auth, ...endpoint } = resolveOptions(options, 'Switchboard.signIn()');
    const credentials = { workspace_id: auth.workspaceId, user_id: auth.userId, private_key: auth.privateKey };
    const view = await new HttpClient({ ...endpoint, auth: { kind: 'session' } }).request<SessionView>('POST', SESSIONS_PATH, credentials);
    return Switchboard.#signedIn(endpoint, view);
  }

  /** A client for the session the browser's cookie carries (after a page reload), or undefined when there is none. */
  static async resume(options?: ResumeOptions): Promise<Switchboard | undefined> {
    const endpoint = resolveResumeOptions(options);
    try {
      const view = await new HttpClient({ ...endpoint, auth: { kind: 'session' } }).request<SessionView>('GET', CURRENT_SESSION_PATH);
      return Switchboard.#signedIn(endpoint, view);
    } catch (error: unknown) {
      if (isUnauthenticated(error)) return undefined;
      throw error;
    }
  }

  static #signedIn(endpoint: HttpEndpoint, { csrf_token, ...session }: SessionView): Switchboard {
    return new Switchboard(new SessionStart(new HttpClient({ ...endpoint, auth: { kind: 'session', csrfToken: csrf_token } }), session));
  }

  /** The session this client is authenticated by; undefined for a client built with a private key, or signed out. */
  get session(): SwitchboardSession | undefined {
    return this.#session;
  }

  /**
   * Ends the session on the server (its cookie is refused from then on) and clears the cookie; resolves also when the
   * session had already ended or expired. Rejects with `no_session` for a client built with a private key.
   */
  async signOut(): Promise<void> {
    if (this.#session === undefined) {
      throw new SwitchboardError({ code: SdkErrorCode.NoSession, message: 'signOut() ends a session: this client has none (it was built with a private key, or signed out)' });
    }
    try {
      await this.#http.request<undefined>('DELETE', CURRENT_SESSION_PATH);
    } catch (error: unknown) {
      if (!isUnauthenticated(error)) throw error;
    }
    this.#session = undefined;
  }
}

function isUnauthenticated(error: unknown): boolean {
  return error instanceof SwitchboardError && error.status === 401;
}
