import type { AuthSchemeView, HttpMethod, RequestType } from '@switchboard/contracts';
import type { OutboundTimeouts } from '../outbound/outbound-request.js';
import type { RunRateLimit } from '../rate-limits/connection-rate-limiter.js';
import type { InputSchemaCheck } from './input-schema-check.js';

/** Everything a run needs to know about where it goes, resolved from the connection, the app and the action. */
export interface RunTarget {
  appTag: string;
  accessTag: string;
  env: string;
  baseUrl: string;
  requestType: RequestType;
  method: HttpMethod;
  path: string;
  /** The connection env's credentials, each with the app's scheme saying where they go; values may hold references. */
  auth: { scheme: AuthSchemeView; data: Record<string, string | number | boolean> }[];
  /** The app env's own limits on an attempt, over the executor's defaults. */
  timeouts?: Partial<OutboundTimeouts>;
  /** The connection env's variables by key, for `$Variable{KEY}`; values may hold secret references. */
  variables: ReadonlyMap<string, string>;
  /** The connection env's rate limit, else its app's; absent when neither has one. */
  rateLimit?: RunRateLimit;
  /** The action's input schemas, compiled with the plan; absent when it declares none. */
  checkInput?: InputSchemaCheck;
}
