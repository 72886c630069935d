import { IsString, Length } from 'class-validator';

/** Base of every NATS request: the gateway stamps the caller's workspace on it. */
export class WorkspaceScopedRequest {
  @Length(1, 128)
  @IsString()
  workspace_id!: string;
}
