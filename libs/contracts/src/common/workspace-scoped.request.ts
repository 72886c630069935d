import { IsString, Length } from 'class-validator';

/** Base of every NATS request: the gateway stamps the caller's workspace on it. */
export class WorkspaceScopedRequest {
  @IsString()
  @Length(1, 128)
  workspace_id!: string;
}
