import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUS_SERVICES, BUS_USAGE, busInboxPrefix, busPermissions, eventsPublishedBy, subjectsAnsweredBy, type BusService } from './bus-permissions.js';
import { Events, Subjects } from './subjects.js';

// Jest runs from the repository root (its rootDir).
function sourcesOf(service: BusService): string {
  const root = join(process.cwd(), 'apps', service, 'src');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !/\.(spec|integration-spec|e2e-spec)\.ts$/.test(file))
    .map((file) => readFileSync(join(root, file), 'utf8'))
    .join('\n');
}

function namedIn<T extends Record<string, string>>(source: string, table: T, tableName: string): Set<T[keyof T]> {
  const names = [...source.matchAll(new RegExp(`\\b${tableName}\\.([A-Za-z]+)\\b`, 'g'))].map((match) => match[1] as keyof T);
  return new Set(names.filter((name) => name in table).map((name) => table[name]));
}

// A NATS subject pattern matches a subject token by token; `>` matches the rest, `*` one token.
function patternMatches(pattern: string, subject: string): boolean {
  const [patternTokens, subjectTokens] = [pattern.split('.'), subject.split('.')];
  for (const [index, token] of patternTokens.entries()) {
    if (token === '>') return subjectTokens.length > index;
    if (token !== '*' && token !== subjectTokens[index]) return false;
  }
  return patternTokens.length === subjectTokens.length;
}

const allows = (patterns: readonly string[], subject: string): boolean => patterns.some((pattern) => patternMatches(pattern, subject));

describe('the bus permissions', () => {
  describe.each(BUS_SERVICES)('of %s, against its sources', (service) => {
    const source = sourcesOf(service);

    it('list every subject it names that another service answers, and none it never names', () => {
      const named = namedIn(source, Subjects, 'Subjects');
      const answered = new Set<string>(subjectsAnsweredBy(service));
      const calledInSource = [...named].filter((subject) => !answered.has(subject)).sort();
      expect([...BUS_USAGE[service].calls].sort()).toEqual(calledInSource);
    });

    it('let it hear every event it names, and publish those of its own domain', () => {
      const named = [...namedIn(source, Events, 'Events')];
      const { publish, subscribe } = busPermissions(service);
      expect(named.filter((event) => !allows(subscribe, event))).toEqual([]);
      expect(named.filter((event) => allows(eventsPublishedBy(service), event) && !allows(publish, event))).toEqual([]);
    });
  });

  it('let only the action-executor request secrets.reference.resolve and only the secrets-vault answer it', () => {
    const subject = Subjects.SecretsReferenceResolve;
    expect(BUS_SERVICES.filter((service) => allows(busPermissions(service).publish, subject))).toEqual(['action-executor']);
    expect(BUS_SERVICES.filter((service) => allows(busPermissions(service).subscribe, subject))).toEqual(['secrets-vault']);
  });

  it('let each service read its own replies only, never another inbox', () => {
    for (const service of BUS_SERVICES) {
      const { subscribe } = busPermissions(service);
      expect(allows(subscribe, `${busInboxPrefix(service)}.abc.1`)).toBe(true);
      expect(allows(subscribe, '_INBOX.abc.1')).toBe(false);
      for (const other of BUS_SERVICES.filter((name) => name !== service)) expect(allows(subscribe, `${busInboxPrefix(other)}.abc.1`)).toBe(false);
    }
  });

  it('let each subject be answered by exactly one service, and the gateway answer none', () => {
    for (const subject of Object.values(Subjects)) {
      expect(BUS_SERVICES.filter((service) => allows(busPermissions(service).subscribe, subject))).toHaveLength(1);
    }
    expect(busPermissions('gateway')).toMatchObject({ allowResponses: false });
    expect(subjectsAnsweredBy('gateway')).toEqual([]);
  });

  it('let only a domain publish its events, and nobody delete a stream', () => {
    expect(BUS_SERVICES.filter((service) => allows(busPermissions(service).publish, Events.SecretRotated))).toEqual(['secrets-vault']);
    expect(BUS_SERVICES.filter((service) => allows(busPermissions(service).publish, Events.SessionEnded))).toEqual(['gateway']);
    for (const service of BUS_SERVICES) {
      expect(allows(busPermissions(service).publish, '$JS.API.STREAM.DELETE.ACTIONS_DISPATCH')).toBe(false);
      expect(allows(busPermissions(service).publish, '$JS.API.STREAM.DELETE.OBJ_import-documents')).toBe(false);
    }
  });
});
