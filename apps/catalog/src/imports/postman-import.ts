import { ErrorCode, isAbsoluteHttpUrl, OAUTH2_SCOPE_PATTERN, type ActionInput, type AuthSchemeInput, type HttpMethod, type RequestType } from '@switchboard/contracts';
import postmanCollection, { type RequestAuth, type VariableList } from 'postman-collection';
import { DomainError } from '@switchboard/platform';
import { ActionBudget } from './action-budget.js';
import { ImportWarnings, jsonPointer } from './import-warnings.js';
import type { ImportedApp, ReadApiDocumentOptions } from './imported-app.js';
import { dominantRequestType, requestTypeOf } from './request-type.js';
import { envsFromServers } from './server-envs.js';
import { tagOf, uniqueTags } from './tags.js';
import { fitText, TEXT_LIMITS } from './text-limits.js';

type JsonObject = Record<string, unknown>;
type Item = postmanCollection.Item;
type ItemGroup = postmanCollection.ItemGroup;

// A CommonJS module whose names Node cannot list for an ESM import: they are read off its default export.
const { Collection, Item, ItemGroup, Property } = postmanCollection;

const METHODS = new Set<string>(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);
const PATH_PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const RAW_LANGUAGES: Record<string, RequestType> = { json: 'JSON', xml: 'XML', text: 'TEXT', html: 'TEXT', javascript: 'TEXT' };
const AUTH_SCHEMES_MAX = 10;
const PARAMETER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,128}$/;

// The few fields read from postman-collection's objects, whose published types leave them out or as `any`.
interface KeyValue {
  key: string | null;
  value?: unknown;
  disabled?: boolean;
  type?: string;
  description?: unknown;
}
interface ListOf<T> {
  all(): T[];
}

interface RequestSite {
  item: Item;
  pointer: string;
  base: string | undefined;
  path: string;
  pathNames: string[];
}

/**
 * A Postman Collection v2.1 as an app, read through postman-collection: folders are walked for their requests, the
 * collection variables fill `{{baseUrl}}`-style hosts (the most used base URL becomes the app env), auth set on the
 * collection, a folder or a request becomes the app's auth schemes, and each request an action.
 */
export function importPostman(document: JsonObject, version: string, options: ReadApiDocumentOptions): Promise<ImportedApp> {
  if (!Array.isArray(document.item)) throw new DomainError(ErrorCode.DocumentInvalid, 'The Postman collection is not valid: item must be a list of requests and folders at /item');
  const warnings = new ImportWarnings();
  const collection = new Collection(document);
  const variables = collection.variables;
  const sites: RequestSite[] = [];
  walk(collection, '', variables, sites, warnings);

  const baseCounts = new Map<string, number>();
  for (const site of sites) if (site.base !== undefined) baseCounts.set(site.base, (baseCounts.get(site.base) ?? 0) + 1);
  const base = [...baseCounts.entries()].sort((left, right) => right[1] - left[1])[0]?.[0];
  if (base === undefined) warnings.add('missing_servers', 'No request has an absolute http(s) base URL (set a collection variable such as baseUrl), so the app has no envs', '/variable');

  const tags = uniqueTags();
  const actions: ActionInput[] = [];
  const auth: AuthSchemeInput[] = [];
  const authKeys = new Set<string>();
  const authTags = uniqueTags();
  addAuthScheme(collection.auth, variables, '/auth', auth, authKeys, authTags, warnings);
  const budget = new ActionBudget(sites.length);
  for (const site of sites) {
    if (budget.isFull()) break;
    if (site.base !== undefined && site.base !== base) {
      warnings.add('other_base_url', `This request calls ${site.base}, not the app's base URL ${base ?? ''}; its action keeps only its path`, site.pointer);
    }
    addAuthScheme(site.item.getAuth(), variables, `${site.pointer}/request/auth`, auth, authKeys, authTags, warnings);
    const action = actionOf(site, tags.claim(tagOf(site.item.name ?? '', 'request')), variables, warnings);
    if (action === undefined) continue;
    if (!budget.admit(action)) break;
    actions.push(action);
  }
  budget.report(warnings, 'requests', '/item');
  const info = (document.info ?? {}) as JsonObject;
  const title = typeof info.name === 'string' && info.name.trim() !== '' ? info.name : 'Imported collection';
  const descriptionText = descriptionOf(info.description);
  const description = descriptionText === undefined ? '' : fitText(descriptionText, TEXT_LIMITS.appDescription, warnings, 'The collection description', '/info/description');
  const envs = base === undefined ? [] : envsFromServers([{ url: base, pointer: '/variable' }], dominantRequestType(actions.map((action) => action.request_type)), warnings);
  return Promise.resolve({
    format: 'postman',
    version,
    app: {
      tag: options.tag ?? tagOf(title, 'imported-collection'),
      name: options.name ?? fitText(title, TEXT_LIMITS.appName, warnings, 'The collection name', '/info/name'),
      ...(description === '' ? {} : { description }),
      envs,
      actions,
      auth,
    },
    warnings: warnings.toList(),
  });
}

function walk(group: ItemGroup, pointer: string, variables: VariableList, sites: RequestSite[], warnings: ImportWarnings): void {
  (group.items as unknown as ListOf<Item | ItemGroup>).all().forEach((member, index) => {
    const at = `${pointer}${jsonPointer('item', index)}`;
    if (ItemGroup.isItemGroup(member)) {
      walk(member as ItemGroup, at, variables, sites, warnings);
    } else if (Item.isItem(member)) {
      sites.push(siteOf(member as Item, at, variables));
    }
  });
}

function siteOf(item: Item, pointer: string, variables: VariableList): RequestSite {
  const url = item.request.url;
  const host = url.host === undefined ? '' : url.host.join('.');
  const origin = `${url.protocol === undefined ? '' : `${url.protocol}://`}${host}${url.port === undefined ? '' : `:${url.port}`}`;
  const resolved = Property.replaceSubstitutions(origin, variables).replace(/\/+$/, '');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(resolved) ? resolved : `https://${resolved}`;
  const pathNames: string[] = [];
  const segments = (url.path ?? []).map((segment: string) => {
    const variable = /^\{\{(.+)\}\}$/.exec(segment)?.[1] ?? (segment.startsWith(':') ? segment.slice(1) : undefined);
    if (variable === undefined) return encodeURIComponent(Property.replaceSubstitutions(segment, variables));
    const name = PATH_PARAM_NAME.test(variable) ? variable : `${/^[A-Za-z_]/.test(variable) ? '' : '_'}${variable.replace(/[^A-Za-z0-9_]/g, '_')}`;
    pathNames.push(name);
    return `:${name}`;
  });
  return { item, pointer, base: resolved !== '' && isAbsoluteHttpUrl(withScheme) ? withScheme : undefined, path: `/${segments.join('/')}`, pathNames };
}

function actionOf(site: RequestSite, tag: string, variables: VariableList, warnings: ImportWarnings): ActionInput | undefined {
  const request = site.item.request;
  const method = request.method.toUpperCase();
  if (!METHODS.has(method)) {
    warnings.add('unsupported_method', `${method} ${site.path} was not imported: actions use ${[...METHODS].join(', ')}`, site.pointer);
    return undefined;
  }
  const schema: NonNullable<ActionInput['schema']> = {};
  if (site.pathNames.length > 0) schema.params = objectSchema(site.pathNames.map((name) => ({ key: name })), site.pathNames);
  const query = enabled((request.url).query);
  if (query.length > 0) schema.query = objectSchema(query, []);
  const headers = enabled(request.headers as unknown as ListOf<KeyValue>).filter((header) => !IGNORED_HEADERS.has(String(header.key).toLowerCase()));
  if (headers.length > 0) schema.headers = objectSchema(headers, []);
  const body = bodyOf(site, variables, warnings);
  if (body?.schema !== undefined) schema.body = body.schema;
  const description = descriptionOf((request as unknown as { description?: unknown }).description);
  return {
    tag,
    method: method as HttpMethod,
    path: site.path,
    ...(body === undefined ? {} : { request_type: body.requestType }),
    ...(site.item.name ? { summary: fitText(site.item.name, TEXT_LIMITS.actionSummary, warnings, 'The request name', `${site.pointer}/name`) } : {}),
    ...(description === undefined ? {} : { description: fitText(description, TEXT_LIMITS.actionDescription, warnings, 'The request description', `${site.pointer}/request/description`) }),
    ...(Object.keys(schema).length === 0 ? {} : { schema }),
  };
}

function bodyOf(site: RequestSite, variables: VariableList, warnings: ImportWarnings): { requestType: RequestType; schema?: JsonObject } | undefined {
  const body = site.item.request.body;
  if (body === undefined || body.mode === undefined) return undefined;
  if (body.mode === 'urlencoded') return { requestType: 'FORM', schema: objectSchema(enabled(body.urlencoded), []) };
  if (body.mode === 'formdata') return { requestType: 'MULTIPART', schema: objectSchema(enabled(body.formdata), []) };
  if (body.mode === 'graphql') {
    return { requestType: 'JSON', schema: { type: 'object', properties: { query: { type: 'string' }, variables: { type: 'object' } }, required: ['query'] } };
  }
  if (body.mode === 'raw') {
    const language = (body.options as { raw?: { language?: string } } | undefined)?.raw?.language;
    const contentType = enabled(site.item.request.headers as unknown as ListOf<KeyValue>).find((header) => String(header.key).toLowerCase() === 'content-type');
    const fromHeader = contentType === undefined ? undefined : requestTypeOf(Property.replaceSubstitutions(String(contentType.value), variables));
    return { requestType: fromHeader ?? (language === undefined ? 'TEXT' : (RAW_LANGUAGES[language] ?? 'TEXT')) };
  }
  warnings.add('unsupported_media_type', `The request body mode ${body.mode} is not supported (raw, urlencoded, formdata and graphql are); its body was not imported`, `${site.pointer}/request/body`);
  return undefined;
}

function objectSchema(fields: KeyValue[], required: string[]): JsonObject {
  const properties = Object.fromEntries(
    fields.map((field) => {
      const description = descriptionOf(field.description);
      const property = field.type === 'file' ? {} : { type: 'string' };
      return [String(field.key), description === undefined ? property : { ...property, description }];
    }),
  );
  return { type: 'object', properties, ...(required.length > 0 ? { required } : {}) };
}

function enabled(list: ListOf<KeyValue> | undefined): KeyValue[] {
  return (list?.all() ?? []).filter((field) => field.disabled !== true && typeof field.key === 'string' && field.key !== '');
}

function descriptionOf(value: unknown): string | undefined {
  const text = typeof value === 'string' ? value : typeof value === 'object' && value !== null ? (value as { content?: unknown }).content : undefined;
  return typeof text === 'string' && text.trim() !== '' ? text : undefined;
}

function addAuthScheme(requestAuth: RequestAuth | undefined, variables: VariableList, pointer: string, auth: AuthSchemeInput[], keys: Set<string>, tags: ReturnType<typeof uniqueTags>, warnings: ImportWarnings): void {
  if (requestAuth === undefined || requestAuth === null) return;
  const type = (requestAuth as unknown as { type?: string }).type;
  if (type === undefined || type === 'noauth' || type === 'inherit') return;
  const parameters = Object.fromEntries(
    Object.entries((requestAuth.parameters().toObject() ?? {}) as JsonObject).map(([key, value]) => [key, typeof value === 'string' ? Property.replaceSubstitutions(value, variables) : value]),
  );
  const scheme = schemeOf(type, parameters, pointer, warnings);
  if (scheme === undefined) return;
  const key = JSON.stringify(scheme);
  if (keys.has(key)) return;
  keys.add(key);
  if (auth.length === AUTH_SCHEMES_MAX) {
    warnings.add('too_many_auth_schemes', `Only the first ${AUTH_SCHEMES_MAX} auth schemes were imported`, pointer);
    return;
  }
  auth.push({ ...scheme, tag: tags.claim(scheme.tag) });
}

function schemeOf(type: string, parameters: JsonObject, pointer: string, warnings: ImportWarnings): AuthSchemeInput | undefined {
  if (type === 'apikey') {
    const name = parameters.key;
    if (typeof name !== 'string' || !PARAMETER_NAME.test(name)) {
      warnings.add('unsupported_security', 'The API key auth has no usable key name; it was left out', pointer);
      return undefined;
    }
    return { tag: 'api-key', type: 'api_key', in: parameters.in === 'query' ? 'query' : 'header', name };
  }
  if (type === 'bearer') return { tag: 'bearer', type: 'bearer' };
  if (type === 'basic') return { tag: 'basic', type: 'basic' };
  if (type === 'oauth2') return oauth2SchemeOf(parameters, pointer, warnings);
  warnings.add('unsupported_security', `The ${type} auth is not supported (API key, bearer, basic and OAuth2 are); it was left out`, pointer);
  return undefined;
}

function oauth2SchemeOf(parameters: JsonObject, pointer: string, warnings: ImportWarnings): AuthSchemeInput | undefined {
  const grant = typeof parameters.grant_type === 'string' ? parameters.grant_type : 'authorization_code';
  const schemeType = grant === 'client_credentials' ? 'oauth2_client_credentials' : grant === 'authorization_code' || grant === 'authorization_code_with_pkce' ? 'oauth2_refresh_token' : undefined;
  if (schemeType === undefined) {
    warnings.add('unsupported_security', `The OAuth2 grant ${grant} is not supported (client_credentials and authorization_code are); it was left out`, pointer);
    return undefined;
  }
  const tokenUrl = parameters.accessTokenUrl;
  if (typeof tokenUrl !== 'string' || !isAbsoluteHttpUrl(tokenUrl)) {
    warnings.add('unsupported_security', 'The OAuth2 auth has no absolute http(s) access token URL; it was left out', pointer);
    return undefined;
  }
  if (schemeType === 'oauth2_refresh_token') {
    warnings.add('oauth2_authorization_code', 'The OAuth2 authorization code grant was imported as oauth2_refresh_token: a connection brings a refresh token obtained outside Switchboard', pointer);
  }
  const scopes = typeof parameters.scope === 'string' ? parameters.scope.split(/\s+/).filter((scope) => OAUTH2_SCOPE_PATTERN.test(scope)).slice(0, 50) : [];
  return {
    tag: 'oauth2',
    type: schemeType,
    token_url: tokenUrl,
    ...(scopes.length > 0 ? { scopes } : {}),
    ...(parameters.client_authentication === 'header' ? { client_auth: 'basic' as const } : {}),
  };
}
