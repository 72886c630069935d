import type { CreateAppBody, TemplateCategory } from '@switchboard/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';

/** An app a workspace published to its own listing: a snapshot of its definition at that version. */
@Entity({ name: 'published_templates' })
@Unique('published_templates_workspace_tag_unique', ['workspaceId', 'tag'])
export class PublishedTemplateEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @Column({ type: 'text' })
  tag!: string;

  @Column({ type: 'text' })
  category!: TemplateCategory;

  @Column({ type: 'text' })
  version!: string;

  @Column({ name: 'docs_url', type: 'text', nullable: true })
  docsUrl!: string | null;

  @Column({ type: 'jsonb' })
  definition!: CreateAppBody;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
