import {
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Territory } from './territory.entity';

@Entity({ name: 'cells' })
@Unique('uq_cells_territory_name', ['territoryId', 'name'])
export class Cell {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_cells' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @ManyToOne(() => Territory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_id', foreignKeyConstraintName: 'fk_cells_territory' })
  territory?: Territory;

  @Column({ type: 'text' })
  name!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
