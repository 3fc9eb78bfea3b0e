import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { OrganisationKind } from '../domain/organisation-kind';
import { Territory } from './territory.entity';

@Entity({ name: 'organisations' })
@Unique('uq_organisations_territory_name', ['territoryId', 'name'])
export class Organisation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_organisations' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @ManyToOne(() => Territory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_id', foreignKeyConstraintName: 'fk_organisations_territory' })
  territory?: Territory;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'enum', enum: OrganisationKind, enumName: 'organisation_kind' })
  kind!: OrganisationKind;

  @Column({ type: 'char', length: 9, nullable: true })
  finess!: string | null;

  @Column({ type: 'char', length: 14, nullable: true })
  siret!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
