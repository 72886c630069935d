import type { CreateAppBody } from '@switchboard/contracts';
import { keepingRateLimit } from './app-definition.js';
import { diffApp, isEmptyDiff } from './app-diff.js';
import { patchedDefinition } from './app-patch.js';
import type { AppDefinitionView } from './app.view.js';

const stored: AppDefinitionView = {
  tag: 'crm',
  name: 'CRM',
  description: '',
  envs: [
    { slug: 'live', base_url: 'https://api.crm.example', request_type: 'JSON', active: true, timeouts: { connect_ms: null, headers_ms: null, body_ms: null } },
    { slug: 'test', base_url: 'https://sandbox.crm.example', request_type: 'JSON', active: true, timeouts: { connect_ms: 5000, headers_ms: null, body_ms: null } },
  ],
  actions: [
    { tag: 'list-contacts', method: 'GET', path: '/contacts', request_type: null, summary: '', has_schema: false, description: '', schema: {} },
    { tag: 'create-contact', method: 'POST', path: '/contacts', request_type: 'FORM', summary: '', has_schema: false, description: 'Adds one', schema: {} },
  ],
  auth: [{ tag: 'key', type: 'api_key', in: 'header', name: 'X-API-Key', token_url: null, scopes: [], audience: null, client_auth: null }],
  rate_limit: null,
  template: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

// The same app as a client would send it, leaning on every default.
const sameDefinition: CreateAppBody = {
  tag: 'crm',
  name: 'CRM',
  envs: [
    { slug: 'test', base_url: 'https://sandbox.crm.example', request_type: 'JSON', timeouts: { connect_ms: 5000 } },
    { slug: 'live', base_url: 'https://api.crm.example', request_type: 'JSON' },
  ],
  actions: [
    { tag: 'create-contact', method: 'POST', path: '/contacts', request_type: 'FORM', description: 'Adds one' },
    { tag: 'list-contacts', method: 'GET', path: '/contacts' },
  ],
  auth: [{ tag: 'key', type: 'api_key' }],
};

const none = { added: [], changed: [], removed: [] };

describe('diffApp', () => {
  it('finds no change in a definition that differs only by defaults and order', () => {
    const diff = diffApp(stored, sameDefinition);
    expect(diff).toEqual({ actions: none, envs: none, auth: none, fields: [] });
    expect(isEmptyDiff(diff)).toBe(true);
  });

  it('names rate_limit when the limit is set, changed or removed, and not when a definition spells its defaults', () => {
    const limited = { ...stored, rate_limit: { requests: 100, per: 'second' as const, burst: 1, max_wait_ms: 1000 } };
    expect(diffApp(stored, { ...sameDefinition, rate_limit: { requests: 100, per: 'second' } }).fields).toEqual(['rate_limit']);
    expect(diffApp(limited, { ...sameDefinition, rate_limit: { requests: 100, per: 'second' } }).fields).toEqual([]);
    expect(diffApp(limited, { ...sameDefinition, rate_limit: { requests: 100, per: 'second', max_wait_ms: 0 } }).fields).toEqual(['rate_limit']);
    expect(diffApp(limited, sameDefinition).fields).toEqual(['rate_limit']);
  });

  it('keeps the rate limit through a patch that leaves it out, and removes it given null', () => {
    const limited = { ...stored, rate_limit: { requests: 100, per: 'second' as const, burst: 1, max_wait_ms: 1000 } };
    expect(patchedDefinition(limited, { name: 'CRM 2' }).rate_limit).toEqual(limited.rate_limit);
    expect(patchedDefinition(limited, { rate_limit: { requests: 5, per: 'minute' } }).rate_limit).toEqual({ requests: 5, per: 'minute' });
    expect(patchedDefinition(limited, { rate_limit: null })).not.toHaveProperty('rate_limit');
  });

  it("keeps the app's rate limit through an import or template update that says none, and takes theirs when they do", () => {
    const limited = { ...stored, rate_limit: { requests: 100, per: 'second' as const, burst: 1, max_wait_ms: 1000 } };
    expect(isEmptyDiff(diffApp(limited, keepingRateLimit(sameDefinition, limited)))).toBe(true);
    expect(keepingRateLimit({ ...sameDefinition, rate_limit: { requests: 3, per: 'second' } }, limited).rate_limit).toEqual({ requests: 3, per: 'second' });
    expect(keepingRateLimit(sameDefinition, stored)).toBe(sameDefinition);
  });

  it('names the actions added, changed and removed by tag', () => {
    const diff = diffApp(stored, {
      ...sameDefinition,
      actions: [
        { tag: 'create-contact', method: 'POST', path: '/v2/contacts', request_type: 'FORM', description: 'Adds one' },
        { tag: 'delete-contact', method: 'DELETE', path: '/contacts/:id' },
      ],
    });
    expect(diff.actions).toEqual({ added: ['delete-contact'], changed: ['create-contact'], removed: ['list-contacts'] });
    expect(isEmptyDiff(diff)).toBe(false);
  });

  it.each([
    ['method', { method: 'PUT' }],
    ['request type', { request_type: 'JSON' }],
    ['description', { description: 'Adds a contact' }],
  ])('counts a change of an action %s as a change', (_what, change) => {
    const [createContact, listContacts] = sameDefinition.actions ?? [];
    const actions = [{ ...createContact, ...change }, listContacts] as CreateAppBody['actions'];
    expect(diffApp(stored, { ...sameDefinition, actions }).actions.changed).toEqual(['create-contact']);
  });

  it('names the envs and auth schemes changed, and the top-level fields', () => {
    const diff = diffApp(stored, {
      ...sameDefinition,
      name: 'The CRM',
      description: 'Contacts',
      envs: [{ slug: 'live', base_url: 'https://api.crm.example', request_type: 'JSON', active: false }, { slug: 'eu', base_url: 'https://eu.crm.example', request_type: 'JSON' }],
      auth: [{ tag: 'key', type: 'api_key', in: 'query' }, { tag: 'token', type: 'bearer' }],
    });
    expect(diff).toEqual({
      actions: none,
      envs: { added: ['eu'], changed: ['live'], removed: ['test'] },
      auth: { added: ['token'], changed: ['key'], removed: [] },
      fields: ['name', 'description'],
    });
  });

  it('takes an omitted name as the tag, as creating the app would', () => {
    expect(diffApp(stored, { ...sameDefinition, name: undefined }).fields).toEqual(['name']);
    expect(diffApp({ ...stored, name: 'crm' }, { ...sameDefinition, name: undefined }).fields).toEqual([]);
  });
});
