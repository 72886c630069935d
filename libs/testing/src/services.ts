import { BUS_SERVICES, Subjects, type Subject } from '@switchboard/contracts';

/** The five services, as named by their folders under apps/. */
export const SERVICE_NAMES = BUS_SERVICES;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The services that answer only on NATS. */
export type MicroserviceName = Exclude<ServiceName, 'gateway'>;
export const MICROSERVICE_NAMES: readonly MicroserviceName[] = ['catalog', 'connection', 'secrets-vault', 'action-executor'];

/** The NATS subject each microservice answers its health check on. */
export const HEALTH_SUBJECTS: Record<MicroserviceName, Subject> = {
  catalog: Subjects.CatalogHealthCheck,
  connection: Subjects.ConnectionHealthCheck,
  'secrets-vault': Subjects.SecretsHealthCheck,
  'action-executor': Subjects.ActionsHealthCheck,
};

/** Path of a service's entry point relative to the repo root. */
export function serviceEntryPoint(service: ServiceName): string {
  return `apps/${service}/src/main.ts`;
}
