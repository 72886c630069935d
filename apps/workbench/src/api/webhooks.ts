import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateWebhookInput, ReplayWebhookEventsFilter, RotateForwardingSecretInput, UpdateWebhookInput, Webhook, WebhookEventFilters } from '@switchboard/sdk';
import { useSwitchboard } from './session';

/** Events per page of the event log; the API's default. */
export const WEBHOOK_EVENTS_PAGE_SIZE = 50;

/** What the event log can be filtered by: the API's filters but its paging (`before` is the log's cursor). */
export type WebhookEventLogFilters = Pick<WebhookEventFilters, 'status' | 'env' | 'after'>;

/**
 * Query keys of webhooks, per product: `product(tag)` prefixes its list, each webhook and their events, so a change to
 * one webhook invalidates `webhook(product, tag)` and the list; an event's replay invalidates that webhook's events.
 */
export const webhookKeys = {
  all: ['webhooks'] as const,
  product: (product: string) => [...webhookKeys.all, product] as const,
  list: (product: string) => [...webhookKeys.product(product), 'list'] as const,
  webhook: (product: string, tag: string) => [...webhookKeys.product(product), 'webhook', tag] as const,
  detail: (product: string, tag: string) => [...webhookKeys.webhook(product, tag), 'detail'] as const,
  forwardingSecret: (product: string, tag: string) => [...webhookKeys.webhook(product, tag), 'forwarding-secret'] as const,
  events: (product: string, tag: string) => [...webhookKeys.webhook(product, tag), 'events'] as const,
  eventLog: (product: string, tag: string, filters: WebhookEventLogFilters) => [...webhookKeys.events(product, tag), 'log', filters] as const,
  event: (product: string, tag: string, eventId: string) => [...webhookKeys.events(product, tag), 'event', eventId] as const,
};

/** The product's webhooks with their receive URLs (the API answers them whole). */
export function useWebhooksQuery(product: string) {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: webhookKeys.list(product), queryFn: () => switchboard.product.webhooks.fetchAll(product) });
}

/** One webhook of the product, by tag. */
export function useWebhookQuery(product: string, tag: string) {
  const switchboard = useSwitchboard();
  return useQuery({ queryKey: webhookKeys.detail(product, tag), queryFn: () => switchboard.product.webhooks.fetch(tag, product) });
}

/**
 * The secret forwarded events are signed with, asked only while `revealed`. Never kept once hidden (`gcTime: 0`
 * drops it when its last observer goes) and never written anywhere but the query cache in memory.
 */
export function useForwardingSecretQuery(product: string, tag: string, revealed: boolean) {
  const switchboard = useSwitchboard();
  return useQuery({
    queryKey: webhookKeys.forwardingSecret(product, tag),
    queryFn: () => switchboard.product.webhooks.forwardingSecret(tag, product),
    enabled: revealed,
    gcTime: 0,
    staleTime: 0,
  });
}

/**
 * Makes a new forwarding secret; the one it replaces keeps signing for `overlap_seconds`. The reply holds both secrets:
 * the mutation keeps it no longer than its observer (`gcTime: 0`), and a revealed secret is asked again.
 */
export function useRotateForwardingSecretMutation(product: string, tag: string) {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: RotateForwardingSecretInput) => switchboard.product.webhooks.rotateForwardingSecret(tag, input, product),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.forwardingSecret(product, tag) }),
    gcTime: 0,
    meta: { errorsShownInline: true },
  });
}

/** Enables delivery of a disabled webhook again: its held events are queued, and the webhook, its events and the list refreshed. */
export function useEnableWebhookMutation(product: string, tag: string) {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => switchboard.product.webhooks.enable(tag, product),
    onSuccess: ({ delivery }) => {
      queryClient.setQueryData<Webhook>(webhookKeys.detail(product, tag), (webhook) => (webhook === undefined ? undefined : { ...webhook, delivery }));
      return Promise.all([queryClient.invalidateQueries({ queryKey: webhookKeys.webhook(product, tag) }), queryClient.invalidateQueries({ queryKey: webhookKeys.list(product) })]);
    },
    meta: { errorsShownInline: true },
  });
}

/** Creates a webhook; its form shows the API's errors beside the fields they name. */
export function useCreateWebhookMutation(product: string) {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateWebhookInput) => switchboard.product.webhooks.create(input, product),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.list(product) }),
    meta: { errorsShownInline: true },
  });
}

/** Changes the fields given; the form shows the API's errors beside them. */
export function useUpdateWebhookMutation(product: string, tag: string) {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: UpdateWebhookInput) => switchboard.product.webhooks.update(tag, changes, product),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: webhookKeys.webhook(product, tag) }), queryClient.invalidateQueries({ queryKey: webhookKeys.list(product) })]),
    meta: { errorsShownInline: true },
  });
}

/** Deletes a webhook; its receive URLs answer 404 from then on. */
export function useDeleteWebhookMutation(product: string) {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tag: string) => switchboard.product.webhooks.delete(tag, product),
    onSuccess: (deleted) => {
      // The deleted webhook's own queries would only answer webhook_not_found: dropped, not refetched.
      queryClient.removeQueries({ queryKey: webhookKeys.webhook(product, deleted.tag) });
      void queryClient.invalidateQueries({ queryKey: webhookKeys.list(product) });
    },
    meta: { errorsShownInline: true },
  });
}

/** The webhook's event log, newest first, a page at a time: each next page starts before the last event's `received_at`. */
export function useWebhookEventLogQuery(product: string, tag: string, filters: WebhookEventLogFilters) {
  const switchboard = useSwitchboard();
  return useInfiniteQuery({
    queryKey: webhookKeys.eventLog(product, tag, filters),
    queryFn: ({ pageParam }) => switchboard.product.webhooks.events.list(tag, { ...filters, before: pageParam, limit: WEBHOOK_EVENTS_PAGE_SIZE }, product),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => (page.length < WEBHOOK_EVENTS_PAGE_SIZE ? undefined : page.at(-1)?.received_at),
    select: (data) => data.pages.flat(),
    placeholderData: keepPreviousData,
    // Events arrive all the time: the log is asked again whenever it is shown.
    staleTime: 0,
  });
}

/** How often a queued event is asked again, so its attempts show as they are made. */
const QUEUED_EVENT_POLL_MS = 1000;

/** One event with its headers, body and delivery attempts; asked again while it is queued. */
export function useWebhookEventQuery(product: string, tag: string, eventId: string) {
  const switchboard = useSwitchboard();
  return useQuery({
    queryKey: webhookKeys.event(product, tag, eventId),
    queryFn: () => switchboard.product.webhooks.events.fetch(tag, eventId, product),
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === 'queued' ? QUEUED_EVENT_POLL_MS : false),
  });
}

/** Queues one event again for the forward URL; the log and the event show it queued. */
export function useReplayWebhookEventMutation(product: string, tag: string) {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (eventId: string) => switchboard.product.webhooks.events.replay(tag, eventId, product),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.events(product, tag) }),
    meta: { errorsShownInline: true },
  });
}

/** Queues again every event matching the filter (dead-lettered ones unless it says otherwise), up to the API's cap. */
export function useReplayWebhookEventsMutation(product: string, tag: string) {
  const switchboard = useSwitchboard();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (filter: ReplayWebhookEventsFilter) => switchboard.product.webhooks.events.replayAll(tag, filter, product),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: webhookKeys.events(product, tag) }),
    meta: { errorsShownInline: true },
  });
}
