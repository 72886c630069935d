import { IsIn, IsString, Length, Matches } from 'class-validator';
import { IsOmittable } from '../common/validators.js';
import { ASSIGNABLE_ROLES, type AssignableRole, type Role } from './role.js';

const NAME_RULE = /^[^\p{Cc}]+$/u;

/** Body of `POST /v1/members`: a new member, answered with their first API key (shown once). */
export class CreateMemberBody {
  @Matches(NAME_RULE, { message: '$property must not contain control characters' })
  @Length(1, 200)
  @IsString()
  name!: string;

  @IsIn(ASSIGNABLE_ROLES, { message: `$property must be one of ${ASSIGNABLE_ROLES.join(', ')}` })
  role!: AssignableRole;
}

/** Body of `PATCH /v1/members/:member`. */
export class UpdateMemberBody {
  @IsOmittable()
  @Matches(NAME_RULE, { message: '$property must not contain control characters' })
  @Length(1, 200)
  @IsString()
  name?: string;

  @IsOmittable()
  @IsIn(ASSIGNABLE_ROLES, { message: `$property must be one of ${ASSIGNABLE_ROLES.join(', ')}` })
  role?: AssignableRole;
}

/** A member of a workspace: a user id its keys and sessions act as. */
export interface MemberView {
  user_id: string;
  name: string;
  role: Role;
  created_at: string;
}
