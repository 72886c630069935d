import type { CreateAppBody } from '@switchboard/contracts';
import { diffApp, isEmptyDiff } from './app-diff.js';
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
