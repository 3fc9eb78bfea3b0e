import { Column, CreateDateColumn, Entity, OneToMany, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AgeBand } from '../domain/age-band';

/**
 * The person as the cell speaks of them: a case code and a pseudonym (initials, age band,
 * district). Identity lives apart (`PersonIdentity`) and is authorized apart.
 */
@Entity({ name: 'persons' })
@Unique('uq_persons_territory_case_code', ['territoryId', 'caseCode'])
export class Person {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_persons' })
  id!: string;

  @Column({ type: 'uuid' })
  territoryId!: string;

  @Column({ type: 'text' })
  caseCode!: string;

  @Column({ type: 'text' })
  initials!: string;

  @Column({ type: 'enum', enum: AgeBand, enumName: 'age_band' })
  ageBand!: AgeBand;

  @Column({ type: 'text', nullable: true })
  district!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  // Relations other contexts hold to a person, declared by name so this library imports none of
  // them; access rules follow them as EXISTS sub-queries.
  @OneToMany('Referral', 'person')
  referrals?: object[];

  @OneToMany('Consent', 'person')
  consents?: object[];

  @OneToMany('ConsentException', 'person')
  consentExceptions?: object[];

  @OneToMany('Situation', 'person')
  situations?: object[];
}
