import type { MarketplaceTemplateList } from '@switchboard/sdk';

export type TemplateCategory = MarketplaceTemplateList['categories'][number]['category'];

// Every category the API has, checked complete against the SDK's type.
const CATEGORY_LABELS = {
  payments: 'Payments',
  email: 'Email',
  messaging: 'Messaging',
  crm: 'CRM',
  commerce: 'Commerce',
  productivity: 'Productivity',
  'developer-tools': 'Developer tools',
  support: 'Support',
  ai: 'AI',
  spreadsheets: 'Spreadsheets',
} satisfies Record<TemplateCategory, string>;

/** A marketplace category as the listing shows it. */
export function categoryLabel(category: TemplateCategory): string {
  return CATEGORY_LABELS[category];
}

/** Whether a URL parameter names a category. */
export function isTemplateCategory(value: string | null): value is TemplateCategory {
  return value !== null && Object.hasOwn(CATEGORY_LABELS, value);
}
