import { Type } from 'class-transformer';
import { IsInt, IsObject, IsString, Length, Min, ValidateNested } from 'class-validator';
import { IsEnvSlug, IsHeaderRecord, IsOmittable, IsTag, IsUrlValueRecord, type UrlValue } from '../common/validators.js';
import { WorkspaceScopedRequest } from '../common/workspace-scoped.request.js';

/** What the caller adds to the action's request; strings anywhere may hold `$Token{KEY}` references. */
export class ActionRunInput {
  @IsOmittable()
  @IsHeaderRecord()
  headers?: Record<string, string>;

  @IsOmittable()
  body?: unknown;

  /** Query string values; an array sends its key once per item. */
  @IsOmittable()
  @IsUrlValueRecord(true)
  query?: Record<string, UrlValue | UrlValue[]>;

  /** Values for the `:params` of the action's path. */
  @IsOmittable()
  @IsUrlValueRecord(false)
  params?: Record<string, UrlValue>;
}

/** Body of `POST /v1/actions/run`: which action of which connected app, in which env. */
export class RunActionBody {
  @IsEnvSlug()
  env!: string;

  @IsTag()
  product!: string;

  /** The access tag of the connected app. */
  @IsTag()
  app!: string;

  /** The action's tag. */
  @IsTag()
  event!: string;

  // IsObject too: ValidateNested alone walks an array's items, so it would pass `[]`.
  @IsOmittable()
  @ValidateNested()
  @Type(() => ActionRunInput)
  @IsObject()
  input?: ActionRunInput;
}

/** `actions.action.run` */
export class RunActionRequest extends WorkspaceScopedRequest {
  @ValidateNested()
  @Type(() => RunActionBody)
  run!: RunActionBody;

  @IsOmittable()
  @Length(1, 128)
  @IsString()
  user_id?: string;

  /** When the gateway sent the run, in milliseconds since the epoch: the run record's queue time starts there. */
  @IsOmittable()
  @Min(0)
  @IsInt()
  sent_at?: number;
}

/** Where the time of a run went, in milliseconds. */
export interface ActionRunTimings {
  resolve_ms: number;
  upstream_ms: number;
  total_ms: number;
}

/** The upstream's answer, passed through whatever its status. */
export interface ActionRunReply {
  run_id: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  timings: ActionRunTimings;
}

/** One check a plan ran: what would stop the run, with the code and message the run would fail with. */
export interface ActionPlanCheck {
  check: string;
  ok: boolean;
  code?: string;
  message?: string;
}

/** Reply of `actions.action.plan`: the request a run would send, references left unresolved, and the checks. */
export interface ActionPlanReply {
  would_run: boolean;
  request: { method: string; url: string; headers: Record<string, string>; body: unknown } | null;
  checks: ActionPlanCheck[];
}
