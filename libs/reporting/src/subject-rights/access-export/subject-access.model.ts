import { ConsentObject, DerogationObject } from '@relais/consent';
import { FollowUpRecord, HandoffObject } from '@relais/followups';
import { MinutesItemObject } from '@relais/meetings';
import { ReferralObject } from '@relais/referrals';
import { PersonIdentityObject, PersonObject, SituationRecord } from '@relais/situations';
import { ArchivedSituationObject } from '../../retention';
import { DataSubjectRequestObject } from '../dto/data-subject-request.object';

/** The version of the export's structure, for whoever reads the JSON file. */
export const SUBJECT_ACCESS_FORMAT = 'relais.acces-aux-donnees/1';

/** One examination of a situation by the cell, as the minutes record it. */
export interface ExaminationRecord {
  situationId: string;
  meetingId: string;
  startsAt: Date;
  /** Whether the minutes were published (else the coordination's draft). */
  published: boolean;
  items: MinutesItemObject[];
}

/** One read of the person's data: who, from which organisation, when, which categories. */
export interface AccessLogEntry {
  occurredAt: Date;
  userId: string | null;
  userName: string | null;
  organisationId: string | null;
  organisationName: string | null;
  /** PERSON_DATA_READ, DOCUMENT_DOWNLOADED, IDENTITY_REVEALED_IN_MEETING. */
  action: string;
  /** What was read: Situation, Referral, Consent, Handoff, AgendaItem… */
  subjectType: string;
  categories: string[];
}

/**
 * Everything Relais holds about a person, as the coordination that answers her request reads it
 * (RGPD article 15): every object went through the field gate, so what the coordination may not
 * read (health secrets, for a coordinator who is not a health professional) is null and named in
 * the object's `redactedFields`.
 */
export interface SubjectAccessExport {
  format: typeof SUBJECT_ACCESS_FORMAT;
  generatedAt: Date;
  territoryId: string;
  personId: string;
  person: PersonObject;
  identity: PersonIdentityObject | null;
  /** The partners named anywhere in the export, by id. */
  organisations: Record<string, string>;
  situations: SituationRecord[];
  /** Closed situations moved to the archive (or anonymised): what the coordination reads of them. */
  archivedSituations: ArchivedSituationObject[];
  referrals: ReferralObject[];
  consents: ConsentObject[];
  derogations: DerogationObject[];
  examinations: ExaminationRecord[];
  /** Each with every act the coordination may see. */
  followUps: FollowUpRecord[];
  handoffs: HandoffObject[];
  requests: DataSubjectRequestObject[];
  /** Who read her file, the oldest first, up to the moment of the export. */
  accessLog: AccessLogEntry[];
}
