import { BUS_SERVICES, busPermissions, type BusService } from '@switchboard/contracts';
import { natsAuthorizationConfig } from '@switchboard/local-infra';

/** Where docker-compose.yml mounts it from, relative to the repository root. */
export const COMPOSE_NATS_CONFIG_PATH = 'deploy/nats-server.conf';

/** The variable a service's NATS password is read from, by nats-server and by docker-compose.yml: NATS_PASSWORD_ACTION_EXECUTOR. */
export function composePasswordVariable(service: BusService): string {
  return `NATS_PASSWORD_${service.toUpperCase().replaceAll('-', '_')}`;
}

/**
 * The nats-server configuration docker-compose.yml runs: the users of `npm start` and the tests, with the same
 * permissions (busPermissions), their passwords read from the environment when nats-server starts, so none is committed.
 */
export function composeNatsConfig(): string {
  const header = [
    `# Written by \`npm run nats:config\` from libs/contracts (BUS_USAGE, busPermissions): do not edit, run it again.`,
    '# One user per service; each password is read from the environment variable named after it when nats-server',
    '# starts (docker-compose.yml passes them to the nats container and to each service).',
    '',
  ].join('\n');
  const users = BUS_SERVICES.map((service) => ({ user: service, password: { env: composePasswordVariable(service) }, permissions: busPermissions(service) }));
  return `${header}${natsAuthorizationConfig(users)}`;
}
