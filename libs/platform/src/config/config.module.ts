import { Module, type DynamicModule } from '@nestjs/common';

/**
 * Makes already-validated config objects injectable by their class everywhere in the application, so that module
 * factories take the settings validated at start-up instead of reading the environment themselves.
 */
@Module({})
export class ConfigModule {
  static forRoot(configs: readonly object[]): DynamicModule {
    const providers = configs.map((config) => ({ provide: config.constructor, useValue: config }));
    return { module: ConfigModule, global: true, providers, exports: providers.map((provider) => provider.provide) };
  }
}
