import { Module } from '@nestjs/common';
import { ConnectionUses } from './connection-uses.js';

@Module({
  providers: [ConnectionUses],
  exports: [ConnectionUses],
})
export class ConnectionUsesModule {}
