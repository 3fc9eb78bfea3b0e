import {
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { ProtectionMeasure } from '../domain/protection-measure';
import { Person } from './person.entity';

/** Who the person is. Every field is IDENTITY: read only where a relation and the consent allow. */
@Entity({ name: 'person_identities' })
@Unique('uq_person_identities_person', ['personId'])
@Index('ix_person_identities_territory_duplicate_key', ['territoryId', 'duplicateKey'])
export class PersonIdentity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_person_identities' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'uuid' })
  personId!: string;

  @ManyToOne(() => Person, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'person_id', foreignKeyConstraintName: 'fk_person_identities_person' })
  person?: Person;

  @Column({ type: 'text' })
  lastName!: string;

  @Column({ type: 'text' })
  firstName!: string;

  @Column({ type: 'date', nullable: true })
  birthDate!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'enum', enum: ProtectionMeasure, enumName: 'protection_measure' })
  protectionMeasure!: ProtectionMeasure;

  @Column({ type: 'text', nullable: true })
  representativeName!: string | null;

  @Column({ type: 'text', nullable: true })
  representativeContact!: string | null;

  /** Hash of normalized names and birth date: finds a possible duplicate without reading names. */
  @Column({ type: 'char', length: 64, nullable: true })
  duplicateKey!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
