import { SetMetadata } from '@nestjs/common';

export const UNAUDITED = 'switchboard:unaudited';

/**
 * Leaves a state-changing route out of the audit log: running or planning actions and previews use the workspace's
 * setup, they do not change it (runs have their own records).
 */
export const Unaudited = (): MethodDecorator & ClassDecorator => SetMetadata(UNAUDITED, true);
