/** Reply of every `<domain>.health.check` subject. */
export interface HealthReply {
  service: string;
  status: 'ok' | 'error';
  checks: Record<string, { status: 'up' | 'down' | 'degraded'; message?: string }>;
}
