import { SetMetadata } from '@nestjs/common';
import type { Role } from '@switchboard/contracts';

export const NEEDED_ROLE = 'switchboard:needed-role';

/**
 * The least role a route needs, where it differs from the rule for its method: reading (GET) needs a viewer,
 * anything else a developer.
 */
export const Needs = (role: Role): MethodDecorator & ClassDecorator => SetMetadata(NEEDED_ROLE, role);
