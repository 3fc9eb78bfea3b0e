import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { TerritorySettings } from '../domain/territory-settings';

/** One CLSM: the tenant every other row belongs to. */
@Entity({ name: 'territories' })
@Unique('uq_territories_name', ['name'])
export class Territory {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_territories' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** Only what departs from the defaults is stored; `withDefaultSettings` fills the rest. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  settings!: Partial<TerritorySettings>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
