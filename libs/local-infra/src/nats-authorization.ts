import { randomBytes } from 'node:crypto';

/** What one NATS user may publish and subscribe to (nats-server's `permissions` block). */
export interface NatsUserPermissions {
  readonly publish: readonly string[];
  readonly subscribe: readonly string[];
  /** May publish once to the reply subject of each request it received. */
  readonly allowResponses?: boolean;
}

/** A user and password to connect to NATS with. */
export interface NatsCredentials {
  readonly user: string;
  readonly password: string;
}

/** A user of the `authorization` block: its password in clear, or the environment variable nats-server reads it from. */
export interface NatsUserEntry {
  readonly user: string;
  readonly password: string | { readonly env: string };
  readonly permissions: NatsUserPermissions;
}

/** Every user permitted everything: for the test harness and tools that drive services from outside. */
export const UNRESTRICTED: NatsUserPermissions = { publish: ['>'], subscribe: ['>'] };

/** A fresh password (32 random bytes, URL-safe), made for one start of a server and never stored beside the repository. */
export function generatePassword(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The `authorization` block of a nats-server configuration: one user per entry with exactly the permissions given.
 * A password taken from the environment is written `$NAME`, which nats-server resolves when it reads the file.
 */
export function natsAuthorizationConfig(users: readonly NatsUserEntry[]): string {
  const lines = ['authorization {', '  users: ['];
  for (const { user, password, permissions } of users) {
    lines.push('    {');
    lines.push(`      user: ${quoted(user)}`);
    lines.push(`      password: ${typeof password === 'string' ? quoted(password) : `$${password.env}`}`);
    lines.push('      permissions: {');
    lines.push(`        publish: { allow: ${list(permissions.publish)} }`);
    lines.push(`        subscribe: { allow: ${list(permissions.subscribe)} }`);
    if (permissions.allowResponses) lines.push('        allow_responses: true');
    lines.push('      }');
    lines.push('    }');
  }
  lines.push('  ]', '}');
  return `${lines.join('\n')}\n`;
}

// JSON's string syntax is nats-server's double-quoted string; subjects such as `$JS.API.>` must be quoted, or `$`
// would start a variable reference.
function quoted(text: string): string {
  return JSON.stringify(text);
}

// One subject a line, so that a change to the permissions reads as a diff of the lines it changes.
function list(subjects: readonly string[]): string {
  return `[\n${subjects.map((subject) => `          ${quoted(subject)},\n`).join('')}        ]`;
}

/** The environment a service reads its NATS user from (NATS_USER, NATS_PASSWORD); none for a server without users. */
export function natsUserEnvironment(credentials: NatsCredentials | undefined): Record<string, string> {
  return credentials ? { NATS_USER: credentials.user, NATS_PASSWORD: credentials.password } : {};
}
