import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '../validation/validation-failure.js';

/** Settings that failed validation: one `NAME: why` line per problem, of every config class read together. */
export class InvalidConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid environment variables:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'InvalidConfigError';
  }
}

type Instances<T extends readonly ClassConstructor<object>[]> = { [K in keyof T]: InstanceType<T[K]> };

/**
 * Reads settings from the environment into validated config classes, once, at start-up. Every class is validated
 * before any is returned, so a wrong setting stops the process with every problem of every class listed at once.
 */
export function loadConfigs<const T extends readonly ClassConstructor<object>[]>(types: T, env: NodeJS.ProcessEnv = process.env): Instances<T> {
  const problems = new Set<string>();
  const configs = types.map((type) => {
    const config = plainToInstance(type, { ...env }, { enableImplicitConversion: true, exposeDefaultValues: true });
    // Classes may share a setting (a subclass of ServiceConfig); its problem is listed once.
    for (const field of flattenValidationErrors(validateSync(config, { whitelist: false, skipMissingProperties: false }))) {
      problems.add(`${field.field}: ${field.messages.join('; ')}`);
    }
    return config;
  });
  if (problems.size > 0) throw new InvalidConfigError([...problems]);
  return configs as Instances<T>;
}

/** {@link loadConfigs} for one class. */
export function loadConfig<T extends object>(type: ClassConstructor<T>, env: NodeJS.ProcessEnv = process.env): T {
  return loadConfigs([type], env)[0];
}

/**
 * {@link loadConfigs} for a process entry point: invalid settings end the process with exit code 1 and their list
 * on stderr, without a stack trace, as the list is the whole story.
 */
export function loadConfigsOrExit<const T extends readonly ClassConstructor<object>[]>(types: T, env: NodeJS.ProcessEnv = process.env): Instances<T> {
  try {
    return loadConfigs(types, env);
  } catch (error) {
    if (!(error instanceof InvalidConfigError)) throw error;
    exitForInvalidConfig(error);
  }
}

/** Ends the process as {@link loadConfigsOrExit} does, for settings found wrong only once something is connected. */
export function exitForInvalidConfig(error: InvalidConfigError): never {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
