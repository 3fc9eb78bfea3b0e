import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { SharingCategory } from '@relais/access';
import { Profession } from '../domain/profession';
import type { Membership } from './membership.entity';
import { Organisation } from './organisation.entity';
import { Territory } from './territory.entity';

@Entity({ name: 'users' })
@Unique('uq_users_email', ['email'])
@Index('ix_users_territory_organisation', ['territoryId', 'organisationId'])
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_users' })
  id!: string;

  /** The territory whose administrator created the account. */
  @Column({ type: 'uuid' })
  territoryId!: string;

  @ManyToOne(() => Territory, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'territory_id', foreignKeyConstraintName: 'fk_users_territory' })
  territory?: Territory;

  @Column({ type: 'uuid' })
  organisationId!: string;

  @ManyToOne(() => Organisation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organisation_id', foreignKeyConstraintName: 'fk_users_organisation' })
  organisation?: Organisation;

  /** Stored trimmed and lower-cased, so uniqueness holds whatever the case typed. */
  @Column({ type: 'text' })
  email!: string;

  @Column({ type: 'text' })
  firstName!: string;

  @Column({ type: 'text' })
  lastName!: string;

  @Column({ type: 'enum', enum: Profession, enumName: 'profession' })
  profession!: Profession;

  /**
   * Derived from the profession and the organisation's kind (`sharingCategoryOf`) whenever either
   * changes; stored so that access rules can filter on it in SQL.
   */
  @Column({ type: 'enum', enum: SharingCategory, enumName: 'sharing_category' })
  sharingCategory!: SharingCategory;

  /**
   * Null until the person sets a password through their link (an account created by an
   * administrator), and again when an administrator issues a new link: no password is usable then.
   */
  @Column({ type: 'text', nullable: true, select: false })
  passwordHash!: string | null;

  @Column({ type: 'integer', default: 0 })
  failedLoginCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;

  /** Declared for access rules (`memberships: { $elemMatch }` compiles to EXISTS); not loaded by default. */
  @OneToMany('Membership', (membership: Membership) => membership.user)
  memberships?: Membership[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
