import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, type Relation } from 'typeorm';
import { ProductEntity } from './product.entity.js';

@Entity({ name: 'product_envs' })
@Unique('product_envs_product_slug_unique', ['product', 'slug'])
@Index('product_envs_product_idx', ['product'])
export class ProductEnvEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'workspace_id', type: 'text' })
  workspaceId!: string;

  @ManyToOne(() => ProductEntity, (product) => product.envs, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'product_envs_product_id_fkey' })
  product!: Relation<ProductEntity>;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @Column({ type: 'smallint' })
  position!: number;
}
