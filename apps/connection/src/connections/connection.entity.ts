import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, Unique, UpdateDateColumn, type Relation } from 'typeorm';
import { ConnectionEnvEntity } from './connection-env.entity.js';

@Entity({ name: 'connections' })
@Unique('connections_access_tag_unique', ['workspaceId', 'productTag', 'accessTag'])
export class ConnectionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ name: 'product_tag', type: 'text' })
  productTag!: string;

  @Column({ name: 'access_tag', type: 'text' })
  accessTag!: string;

  @Column({ name: 'app_tag', type: 'text' })
  appTag!: string;

  @OneToMany(() => ConnectionEnvEntity, (env) => env.connection, { cascade: true })
  envs!: Relation<ConnectionEnvEntity[]>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
