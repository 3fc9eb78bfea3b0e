import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CharterKind } from '../domain/charter-kind';
import { Territory } from './territory.entity';
import { User } from './user.entity';

/** One published version of a territory's charter; versions are never edited, only superseded. */
@Entity({ name: 'charters' })
@Unique('uq_charters_territory_kind_version', ['territoryId', 'kind', 'version'])
@Index('uq_charters_territory_kind_current', ['territoryId', 'kind'], { unique: true, where: '"current"' })
export class Charter {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_charters' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @ManyToOne(() => Territory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_id', foreignKeyConstraintName: 'fk_charters_territory' })
  territory?: Territory;

  @Column({ type: 'enum', enum: CharterKind, enumName: 'charter_kind' })
  kind!: CharterKind;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text' })
  body!: string;

  /** True for the version in force; publishing a new one clears it on the previous. */
  @Column({ type: 'boolean', default: true })
  current!: boolean;

  @Column({ type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ type: 'uuid' })
  publishedByUserId!: string;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'published_by_user_id', foreignKeyConstraintName: 'fk_charters_published_by' })
  publishedBy?: User;
}
