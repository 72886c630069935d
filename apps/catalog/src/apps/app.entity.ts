import type { AuthSchemeView, RateLimitView } from '@switchboard/contracts';
import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type Relation } from 'typeorm';
import { ActionEntity } from './action.entity.js';
import { AppEnvEntity } from './app-env.entity.js';

/** An auth scheme as the jsonb column holds it: rows written before OAuth2 schemes existed lack their keys. */
export type StoredAuthScheme = Pick<AuthSchemeView, 'tag' | 'type' | 'in' | 'name'> &
  Partial<Pick<AuthSchemeView, 'token_url' | 'scopes' | 'audience' | 'client_auth'>>;

@Entity({ name: 'apps' })
@Unique('apps_workspace_tag_unique', ['workspaceId', 'tag'])
export class AppEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ type: 'text' })
  tag!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ name: 'auth_schemes', type: 'jsonb', default: () => "'[]'" })
  authSchemes!: StoredAuthScheme[];

  /** The app's published request limit, defaults filled in; null for none. */
  @Column({ name: 'rate_limit', type: 'jsonb', nullable: true })
  rateLimit!: RateLimitView | null;

  /** The marketplace template the app was installed from; null for an app made in the workspace. */
  @Column({ name: 'template_tag', type: 'text', nullable: true })
  templateTag!: string | null;

  @Column({ name: 'template_version', type: 'text', nullable: true })
  templateVersion!: string | null;

  @OneToMany(() => AppEnvEntity, (env) => env.app, { cascade: true })
  envs!: Relation<AppEnvEntity[]>;

  @OneToMany(() => ActionEntity, (action) => action.app, { cascade: true })
  actions!: Relation<ActionEntity[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
