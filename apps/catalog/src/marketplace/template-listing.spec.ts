import type { MarketplaceTemplate } from '@switchboard/contracts';
import { appDefinitionOf, listTemplates, type ListedTemplate } from './template-listing.js';

const template = (tag: string, category: MarketplaceTemplate['category'], description = ''): ListedTemplate =>
  ({ tag, name: tag.toUpperCase(), description, category, logo: null, docs_url: 'https://example.com', version: '1.0.0', source: 'marketplace', actions: [] });
const templates = [template('stripe', 'payments', 'Online payments'), template('paypal', 'payments'), template('resend', 'email', 'Send email'), template('slack', 'messaging')];

describe('listTemplates', () => {
  it('searches tag, name, description and category, counting categories before the category filter', () => {
    expect(listTemplates(templates, { search: 'PAY' }).items.map((t) => t.tag)).toEqual(['stripe', 'paypal']);
    expect(listTemplates(templates, { search: 'send' }).items.map((t) => t.tag)).toEqual(['resend']);
    expect(listTemplates(templates, { search: 'messaging' }).items.map((t) => t.tag)).toEqual(['slack']);
    const paymentsOnly = listTemplates(templates, { category: 'payments' });
    expect(paymentsOnly.items.map((t) => t.tag)).toEqual(['stripe', 'paypal']);
    expect(paymentsOnly.categories).toEqual([
      { category: 'payments', count: 2 },
      { category: 'email', count: 1 },
      { category: 'messaging', count: 1 },
    ]);
  });

  it('pages with offset and limit and reports the total', () => {
    const page = listTemplates(templates, { offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 4, offset: 1, limit: 2 });
    expect(page.items.map((t) => t.tag)).toEqual(['paypal', 'resend']);
  });

  it('installs the app without the listing fields', () => {
    expect(Object.keys(appDefinitionOf(templates[0])).sort()).toEqual(['actions', 'description', 'name', 'tag']);
  });
});
