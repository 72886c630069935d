import { TEMPLATE_CATEGORIES, type ListTemplatesQuery, type MarketplaceTemplate, type TemplateListView, type TemplateSummaryView, type TemplateView } from '@switchboard/contracts';

const DEFAULT_PAGE_SIZE = 50;

/** One page of the templates that match the search and category, with the category counts of the search. */
export function listTemplates(templates: Iterable<MarketplaceTemplate>, query: ListTemplatesQuery): TemplateListView {
  const needle = query.search?.toLowerCase();
  const searched = [...templates].filter(
    (template) => !needle || [template.tag, template.name ?? '', template.description ?? '', template.category].some((text) => text.toLowerCase().includes(needle)),
  );
  const matching = query.category ? searched.filter((template) => template.category === query.category) : searched;
  const offset = query.offset ?? 0;
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  return {
    items: matching.slice(offset, offset + limit).map(toTemplateSummary),
    categories: TEMPLATE_CATEGORIES.map((category) => ({ category, count: searched.filter((template) => template.category === category).length })).filter(
      (entry) => entry.count > 0,
    ),
    total: matching.length,
    offset,
    limit,
  };
}

export function toTemplateSummary(template: MarketplaceTemplate): TemplateSummaryView {
  return {
    tag: template.tag,
    name: template.name ?? template.tag,
    description: template.description ?? '',
    category: template.category,
    logo: template.logo,
    docs_url: template.docs_url,
    version: template.version,
    action_count: template.actions?.length ?? 0,
  };
}

export function toTemplateView(template: MarketplaceTemplate): TemplateView {
  return { ...toTemplateSummary(template), app: appDefinitionOf(template) };
}

/** The app a template installs: the template without its listing fields. */
export function appDefinitionOf(template: MarketplaceTemplate): TemplateView['app'] {
  const { category: _category, logo: _logo, docs_url: _docs, version: _version, ...app } = template;
  return app;
}
