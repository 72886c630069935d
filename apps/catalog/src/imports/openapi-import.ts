import { dereference, upgrade, validate } from '@scalar/openapi-parser';
import { ErrorCode, HTTP_METHODS, type ActionInput, type HttpMethod, type RequestType } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import { ImportWarnings, jsonPointer } from './import-warnings.js';
import type { ImportedApp, ReadApiDocumentOptions } from './imported-app.js';
import { ActionBudget } from './action-budget.js';
import { JsonSchemaCopier } from './json-schema-copy.js';
import { dominantRequestType, requestTypeOf } from './request-type.js';
import { authSchemesFromSecuritySchemes } from './security-schemes.js';
import { envsFromServers, substituteServerVariables, type ServerCandidate } from './server-envs.js';
import { tagOf, uniqueTags } from './tags.js';
import { fitText, TEXT_LIMITS } from './text-limits.js';

type JsonObject = Record<string, unknown>;

const OPERATION_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
// Headers OpenAPI says a parameter list must not describe: the request's encoding and credentials come from elsewhere.
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);
const PATH_PARAM_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * An OpenAPI 3.0/3.1 or Swagger 2.0 document as an app: validated against its version's schema, upgraded to 3.1
 * (so every schema is JSON Schema 2020-12), dereferenced, then read operation by operation.
 */
export async function importOpenApi(document: JsonObject, format: 'openapi' | 'swagger', version: string, options: ReadApiDocumentOptions): Promise<ImportedApp> {
  const validation = await validate(document);
  // Unresolvable references are warned about below; anything else the version's schema refuses makes it unreadable.
  const schemaError = validation.errors?.find((error) => error.code === undefined || !error.code.includes('REFERENCE'));
  if (!validation.valid && schemaError !== undefined) {
    // Typed as segments, but the parser hands over the JSON pointer of the offending value.
    const path: unknown = schemaError.path;
    const pointer = typeof path === 'string' ? path : Array.isArray(path) ? jsonPointer(...(path as string[])) : '';
    const where = pointer === '' ? '' : ` at ${pointer}`;
    throw new DomainError(ErrorCode.DocumentInvalid, `The document is not a valid ${format === 'swagger' ? 'Swagger' : 'OpenAPI'} ${version} document: ${schemaError.message}${where}`);
  }
  const warnings = new ImportWarnings();
  const upgraded = upgrade(document).specification as unknown as JsonObject;
  const refOf = new WeakMap<object, string>();
  const { schema, errors } = dereference(upgraded, { onDereference: ({ schema: site, ref }) => refOf.set(site, ref) });
  for (const error of errors ?? []) warnings.add('unresolved_ref', `${error.message}; it was read as accepting any value`);
  const spec = schema as JsonObject;

  const info = asObject(spec.info);
  const title = typeof info.title === 'string' && info.title.trim() !== '' ? info.title : 'Imported API';
  const servers = serversOf(spec, warnings);
  const actions = actionsOf(spec, refOf, warnings);
  const auth = authSchemesFromSecuritySchemes(asObject(asObject(spec.components).securitySchemes), servers[0]?.url, warnings);
  if (Object.keys(asObject(spec.webhooks)).length > 0) warnings.add('webhooks', 'Webhooks describe calls the API makes, not calls to it; they were not imported', '/webhooks');
  const envs = envsFromServers(servers, dominantRequestType(actions.map((action) => action.request_type)), warnings);
  const description = typeof info.description === 'string' ? fitText(info.description, TEXT_LIMITS.appDescription, warnings, 'The API description', '/info/description') : '';
  return {
    format,
    version,
    app: {
      tag: options.tag ?? tagOf(title, 'imported-api'),
      name: options.name ?? fitText(title, TEXT_LIMITS.appName, warnings, 'The API title', '/info/title'),
      ...(description === '' ? {} : { description }),
      envs,
      actions,
      auth,
    },
    warnings: warnings.toList(),
  };
}

function serversOf(spec: JsonObject, warnings: ImportWarnings): ServerCandidate[] {
  const servers = Array.isArray(spec.servers) ? (spec.servers as unknown[]) : [];
  const candidates: ServerCandidate[] = [];
  servers.forEach((server, index) => {
    const pointer = jsonPointer('servers', index);
    const url = substituteServerVariables(asObject(server), pointer, warnings);
    const description = asObject(server).description;
    if (url !== undefined) candidates.push({ url, pointer, ...(typeof description === 'string' ? { description } : {}) });
  });
  if (servers.length === 0) warnings.add('missing_servers', 'The document lists no servers, so the app has no envs: add one with the API base URL', '/servers');
  return candidates;
}

function actionsOf(spec: JsonObject, refOf: WeakMap<object, string>, warnings: ImportWarnings): ActionInput[] {
  const tags = uniqueTags();
  const operationIds = new Set<string>();
  const actions: ActionInput[] = [];
  const paths = Object.entries(asObject(spec.paths));
  const operations = paths.reduce((count, [, pathItem]) => count + OPERATION_METHODS.filter((method) => method !== 'trace' && asObject(pathItem)[method] !== undefined).length, 0);
  const budget = new ActionBudget(operations);
  readOperations(paths, (site) => {
    if (budget.isFull()) return false;
    const tag = tags.claim(actionTagOf(site.operation, site.method, site.path, operationIds, site.pointer, warnings));
    const action = actionOf({ ...site, tag }, new JsonSchemaCopier(warnings, refOf, site.pointer), warnings);
    if (!budget.admit(action)) return false;
    actions.push(action);
    return true;
  }, warnings);
  budget.report(warnings, 'operations', '/paths');
  return actions;
}

/** Hands each operation to `take`, in document order, until it answers false; TRACE operations are warned about instead. */
function readOperations(paths: [string, unknown][], take: (site: Omit<OperationSite, 'tag'>) => boolean, warnings: ImportWarnings): void {
  for (const [path, pathItemValue] of paths) {
    const pathItem = asObject(pathItemValue);
    for (const method of OPERATION_METHODS) {
      if (pathItem[method] === undefined) continue;
      const pointer = jsonPointer('paths', path, method);
      const operation = asObject(pathItem[method]);
      if (method === 'trace') {
        warnings.add('unsupported_method', `TRACE ${path} was not imported: actions use ${HTTP_METHODS.join(', ')}`, pointer);
        continue;
      }
      if (!take({ method, path, pathItem, operation, pointer })) return;
    }
  }
}

function actionTagOf(operation: JsonObject, method: string, path: string, operationIds: Set<string>, pointer: string, warnings: ImportWarnings): string {
  const fromPath = tagOf(`${method} ${path.replace(/[{}]/g, '')}`, method);
  const operationId = operation.operationId;
  if (typeof operationId !== 'string' || operationId.trim() === '') {
    warnings.add('missing_operation_id', `${method.toUpperCase()} ${path} has no operationId; its action tag ${fromPath} comes from its method and path`, pointer);
    return fromPath;
  }
  if (operationIds.has(operationId)) warnings.add('duplicate_operation_id', `The operationId ${operationId} is used more than once; the action tags were made unique with a suffix`, `${pointer}/operationId`);
  operationIds.add(operationId);
  return tagOf(operationId, fromPath);
}

interface OperationSite {
  tag: string;
  method: string;
  path: string;
  pathItem: JsonObject;
  operation: JsonObject;
  pointer: string;
}

function actionOf(site: OperationSite, copier: JsonSchemaCopier, warnings: ImportWarnings): ActionInput {
  const { operation, pointer } = site;
  if (Object.keys(asObject(operation.callbacks)).length > 0) warnings.add('callbacks', 'Callbacks describe calls the API makes back; they were not imported', `${pointer}/callbacks`);
  if (Array.isArray(operation.servers) || Array.isArray(site.pathItem.servers)) {
    warnings.add('operation_servers', 'This operation names its own servers; its action calls the app envs instead', pointer);
  }
  const { path, renamed } = actionPathOf(site.path);
  const parameters = parametersOf(site, renamed, warnings);
  const body = requestBodyOf(operation, pointer, warnings);
  const schema: NonNullable<ActionInput['schema']> = {};
  for (const location of ['params', 'query', 'headers'] as const) {
    const group = parameters[location];
    if (group.length === 0) continue;
    schema[location] = {
      type: 'object',
      properties: Object.fromEntries(group.map((parameter) => [parameter.name, copier.copy(parameter.schema, `schema.${location}.${parameter.name}`, 2)])),
      ...(group.some((parameter) => parameter.required) ? { required: group.filter((parameter) => parameter.required).map((parameter) => parameter.name) } : {}),
    };
  }
  if (body?.schema !== undefined) schema.body = copier.copy(body.schema, 'schema.body') as Record<string, unknown>;
  const responses = responseSchemasOf(operation, copier);
  if (Object.keys(responses).length > 0) schema.responses = responses;
  for (const part of ['params', 'query', 'headers', 'body'] as const) {
    const value = schema[part];
    if (value !== undefined) schema[part] = copier.checked(value, `schema.${part}`);
  }
  for (const [status, value] of Object.entries(schema.responses ?? {})) responses[status] = copier.checked(value, `schema.responses.${status}`);
  const summary = typeof operation.summary === 'string' && operation.summary.trim() !== '' ? fitText(operation.summary, TEXT_LIMITS.actionSummary, warnings, 'The summary', `${pointer}/summary`) : undefined;
  const description = typeof operation.description === 'string' && operation.description.trim() !== '' ? fitText(operation.description, TEXT_LIMITS.actionDescription, warnings, 'The description', `${pointer}/description`) : undefined;
  return {
    tag: site.tag,
    method: site.method.toUpperCase() as HttpMethod,
    path,
    ...(body?.requestType === undefined ? {} : { request_type: body.requestType }),
    ...(summary === undefined ? {} : { summary }),
    ...(description === undefined ? {} : { description }),
    ...(Object.keys(schema).length === 0 ? {} : { schema }),
  };
}

/**
 * The action path: `{id}` becomes `:id`, a parameter name the executor cannot read (`pet-id`) becomes one it can
 * (`pet_id`), and characters a path must not hold literally are percent-encoded, `:` too since it starts a parameter.
 */
export function actionPathOf(documentPath: string): { path: string; renamed: Map<string, string> } {
  const renamed = new Map<string, string>();
  const path = documentPath
    .split(/(\{[^}]*\})/)
    .map((part) => {
      if (part.startsWith('{') && part.endsWith('}')) {
        const name = part.slice(1, -1);
        const usable = PATH_PARAM_NAME.test(name) ? name : `${/^[A-Za-z_]/.test(name) ? '' : '_'}${name.replace(/[^A-Za-z0-9_]/g, '_')}`;
        renamed.set(name, usable);
        return `:${usable}`;
      }
      return encodeURI(part).replace(/[:?#[\]]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
    })
    .join('');
  return { path: path.startsWith('/') ? path : `/${path}`, renamed };
}

interface ParameterSchema {
  name: string;
  required: boolean;
  schema: unknown;
}

function parametersOf(site: OperationSite, renamed: Map<string, string>, warnings: ImportWarnings): Record<'params' | 'query' | 'headers', ParameterSchema[]> {
  // An operation's parameter overrides the path item's of the same name and location.
  const byKey = new Map<string, JsonObject>();
  for (const parameter of [...asList(site.pathItem.parameters), ...asList(site.operation.parameters)]) {
    const object = asObject(parameter);
    byKey.set(`${String(object.in)}\u0000${String(object.name)}`, object);
  }
  const groups: Record<'params' | 'query' | 'headers', ParameterSchema[]> = { params: [], query: [], headers: [] };
  for (const parameter of byKey.values()) {
    const name = parameter.name;
    if (typeof name !== 'string') continue;
    const schema = parameterSchemaOf(parameter);
    if (parameter.in === 'cookie') {
      warnings.add('cookie_parameter', `The cookie parameter ${name} was not imported: actions send no cookies`, site.pointer);
    } else if (parameter.in === 'path') {
      groups.params.push({ name: renamed.get(name) ?? name, required: true, schema });
    } else if (parameter.in === 'query') {
      groups.query.push({ name, required: parameter.required === true, schema });
    } else if (parameter.in === 'header' && !IGNORED_HEADERS.has(name.toLowerCase())) {
      groups.headers.push({ name, required: parameter.required === true, schema });
    }
  }
  return groups;
}

function parameterSchemaOf(parameter: JsonObject): unknown {
  const schema = parameter.schema ?? Object.values(asObject(parameter.content)).map((media) => asObject(media).schema).find((item) => item !== undefined) ?? {};
  if (typeof parameter.description !== 'string' || typeof schema !== 'object' || schema === null || 'description' in schema) return schema;
  return { ...schema, description: parameter.description };
}

function requestBodyOf(operation: JsonObject, pointer: string, warnings: ImportWarnings): { requestType?: RequestType; schema?: unknown } | undefined {
  const content = asObject(asObject(operation.requestBody).content);
  const mediaTypes = Object.keys(content);
  if (mediaTypes.length === 0) return undefined;
  const chosen = mediaTypes.find((mediaType) => requestTypeOf(mediaType) !== undefined);
  if (chosen === undefined) {
    warnings.add('unsupported_media_type', `The request body is sent as ${mediaTypes.join(', ')}; actions send JSON, form, multipart, XML or text, so its body schema was not imported`, `${pointer}/requestBody`);
    return undefined;
  }
  const schema = asObject(content[chosen]).schema;
  return { requestType: requestTypeOf(chosen), ...(schema === undefined ? {} : { schema }) };
}

function responseSchemasOf(operation: JsonObject, copier: JsonSchemaCopier): Record<string, JsonObject> {
  const schemas: Record<string, JsonObject> = {};
  for (const [status, response] of Object.entries(asObject(operation.responses))) {
    const content = asObject(asObject(response).content);
    const mediaType = Object.keys(content).find((type) => requestTypeOf(type) === 'JSON') ?? Object.keys(content)[0];
    const schema = mediaType === undefined ? undefined : asObject(content[mediaType]).schema;
    if (schema !== undefined) schemas[status.replace(/xx$/, 'XX')] = copier.copy(schema, `schema.responses.${status}`, 1) as JsonObject;
  }
  return schemas;
}

function asObject(value: unknown): JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : {};
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
