/**
 * An OpenAPI 3.0 document shaped like a large real API (Stripe's): `resources` resources, each with list, create,
 * retrieve, update and delete operations, form-encoded bodies, shared components with `$ref`s between them, `anyOf`
 * expandable fields and a recursive type. Five operations per resource, so 1,000 resources make 5,000 operations.
 */
export function largeOpenApiDocument(resources: number): string {
  const schemas: Record<string, unknown> = {
    metadata: { type: 'object', additionalProperties: { type: 'string', maxLength: 500 } },
    error: { type: 'object', required: ['error'], properties: { error: { type: 'object', properties: { type: { type: 'string' }, message: { type: 'string' } } } } },
    tree_node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/tree_node' } } } },
  };
  const paths: Record<string, unknown> = {};
  for (let index = 0; index < resources; index += 1) {
    const name = `resource_${index}`;
    const related = `resource_${(index + 1) % resources}`;
    schemas[name] = {
      type: 'object',
      required: ['id', 'object', 'created'],
      properties: {
        id: { type: 'string', maxLength: 5000 },
        object: { type: 'string', enum: [name] },
        created: { type: 'integer', format: 'unix-time' },
        amount: { type: 'integer', minimum: 0 },
        currency: { type: 'string', pattern: '^[a-z]{3}$' },
        status: { type: 'string', enum: ['active', 'pending', 'canceled'] },
        metadata: { $ref: '#/components/schemas/metadata' },
        related: { nullable: true, anyOf: [{ type: 'string' }, { $ref: `#/components/schemas/${related}` }] },
        tree: { $ref: '#/components/schemas/tree_node' },
      },
    };
    const form = {
      'application/x-www-form-urlencoded': {
        schema: {
          type: 'object',
          properties: {
            amount: { type: 'integer' },
            currency: { type: 'string' },
            description: { type: 'string', maxLength: 5000 },
            metadata: { anyOf: [{ $ref: '#/components/schemas/metadata' }, { type: 'string', enum: [''] }] },
          },
        },
      },
    };
    const one = { description: 'Successful response.', content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } };
    const error = { description: 'Error response.', content: { 'application/json': { schema: { $ref: '#/components/schemas/error' } } } };
    const id = { name: 'id', in: 'path', required: true, schema: { type: 'string', maxLength: 5000 } };
    paths[`/v1/${name}s`] = {
      get: {
        operationId: `Get${index}s`,
        summary: `List all ${name}s`,
        parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } }, { name: 'starting_after', in: 'query', schema: { type: 'string' } }],
        responses: { 200: { description: 'A page.', content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: { $ref: `#/components/schemas/${name}` } }, has_more: { type: 'boolean' } } } } } }, default: error },
      },
      post: { operationId: `Post${index}s`, summary: `Create a ${name}`, requestBody: { content: form }, responses: { 200: one, default: error } },
    };
    paths[`/v1/${name}s/{id}`] = {
      parameters: [id],
      get: { operationId: `Get${index}sId`, summary: `Retrieve a ${name}`, responses: { 200: one, default: error } },
      post: { operationId: `Post${index}sId`, summary: `Update a ${name}`, requestBody: { content: form }, responses: { 200: one, default: error } },
      delete: { operationId: `Delete${index}sId`, summary: `Delete a ${name}`, responses: { 200: one, default: error } },
    };
  }
  return JSON.stringify({
    openapi: '3.0.3',
    info: { title: 'Large API', version: '1.0.0', description: `${resources * 5} operations shaped like a large real API.` },
    servers: [{ url: 'https://api.large.example', description: 'Production' }, { url: 'https://sandbox.large.example', description: 'Sandbox' }],
    components: { securitySchemes: { basicAuth: { type: 'http', scheme: 'basic' }, bearerAuth: { type: 'http', scheme: 'bearer' } }, schemas },
    paths,
  });
}
