import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One consent record: given, refused or withdrawn, and until when it runs. */
@Entity({ name: 'report_consents' })
export class ReportConsent {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_consents' })
  territoryId!: string;

  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_report_consents' })
  consentId!: string;

  /** The person record's opaque id (to count people, never to name them). */
  @Column({ type: 'uuid', nullable: true })
  personId!: string | null;

  /** GIVEN, REFUSED, WITHDRAWN, or SUPERSEDED by the person's next answer. */
  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'date', nullable: true })
  givenOn!: string | null;

  @Column({ type: 'date', nullable: true })
  expiresOn!: string | null;

  @Column({ type: 'date', nullable: true })
  refusedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  withdrawnOn!: string | null;
}
