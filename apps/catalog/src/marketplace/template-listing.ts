import { TEMPLATE_CATEGORIES, type ListTemplatesQuery, type MarketplaceTemplate, type TemplateListView, type TemplateSource, type TemplateSummaryView, type TemplateView } from '@switchboard/contracts';

const DEFAULT_PAGE_SIZE = 50;

/** One page of the templates that match the search and category, with the category counts of the search. */
export function listTemplates(templates: Iterable<ListedTemplate>, query: ListTemplatesQuery): TemplateListView {
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

/** A template as listed; `source` says whether it is the platform's or the workspace's own. */
export type ListedTemplate = Omit<MarketplaceTemplate, 'docs_url'> & { docs_url: string | null; source: TemplateSource };

export function toTemplateSummary(template: ListedTemplate): TemplateSummaryView {
  return {
    tag: template.tag,
    name: template.name ?? template.tag,
    description: template.description ?? '',
    category: template.category,
    logo: template.logo,
    docs_url: template.docs_url,
    version: template.version,
    source: template.source,
    action_count: template.actions?.length ?? 0,
  };
}

export function toTemplateView(template: ListedTemplate): TemplateView {
  return { ...toTemplateSummary(template), app: appDefinitionOf(template) };
}

/** The app a template installs: the template without its listing fields. */
export function appDefinitionOf(template: ListedTemplate): TemplateView['app'] {
  const { category: _category, logo: _logo, docs_url: _docs, version: _version, source: _source, ...app } = template;
  return app;
}
