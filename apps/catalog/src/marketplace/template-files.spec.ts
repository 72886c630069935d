import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MarketplaceTemplate } from '@switchboard/contracts';
import { validatePayload } from '@switchboard/platform';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { marketplaceTemplates, TEMPLATES_DIR } from './template-library.js';

const files = readdirSync(TEMPLATES_DIR).filter((name) => name.endsWith('.json'));
const read = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(TEMPLATES_DIR, name), 'utf8')) as Record<string, unknown>;

// The same contract and validation POST /v1/apps applies, so an installed template is an app the API would accept.
describe('Marketplace template files', () => {
  it('ship at least 25 templates', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it.each(files)('%s passes the MarketplaceTemplate contract', async (name) => {
    await expect(validatePayload(MarketplaceTemplate, read(name))).resolves.toBeInstanceOf(MarketplaceTemplate);
  });

  it.each(files)('%s is named after its tag and declares unique action, env and auth tags', (name) => {
    const template = read(name) as unknown as MarketplaceTemplate;
    expect(`${template.tag}.json`).toBe(name);
    for (const keys of [template.actions?.map((a) => a.tag), template.envs?.map((e) => e.slug), template.auth?.map((s) => s.tag)]) {
      expect(new Set(keys).size).toBe(keys?.length);
    }
    expect(template.actions?.length).toBeGreaterThan(0);
  });

  it.each(files)('%s holds input schemas that compile as JSON Schema 2020-12', (name) => {
    const ajv = new Ajv2020({ strict: false });
    const template = read(name) as unknown as MarketplaceTemplate;
    for (const action of template.actions ?? []) {
      for (const schema of Object.values(action.schema ?? {}).filter((part) => part !== undefined)) {
        expect(() => ajv.compile(schema as object)).not.toThrow();
      }
      const pathParams = [...action.path.matchAll(/:([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]).sort();
      expect(Object.keys((action.schema?.params as { properties?: object } | undefined)?.properties ?? {}).sort()).toEqual(pathParams);
    }
  });

  it('gives Stripe a form-encoded create-charge that needs an integer amount and a currency', () => {
    const stripe = marketplaceTemplates().get('stripe');
    const charge = stripe?.actions?.find((action) => action.tag === 'create-charge');
    expect(charge).toMatchObject({ method: 'POST', path: '/v1/charges', request_type: 'FORM' });
    const body = charge?.schema?.body as { required: string[]; properties: Record<string, { type: string }> };
    expect(body.required).toEqual(expect.arrayContaining(['amount', 'currency']));
    expect(body.properties['amount']?.type).toBe('integer');
    expect(body.properties['currency']?.type).toBe('string');
  });

  it('reads every file into the library by tag', () => {
    expect([...marketplaceTemplates().keys()].sort()).toEqual(files.map((name) => name.replace(/\.json$/, '')).sort());
  });
});
