import { AgeBand, Person, Situation } from '@relais/situations';
import { OrganisationKind } from '@relais/identity';
import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { AgendaItemKind, SuggestionReason } from './domain/meeting.enums';
import { AgendaItem } from './entities';

/** An agenda item as read for the agenda, with its person's code and the referrer's kind. */
export interface AgendaItemRow {
  id: string;
  position: number;
  kind: AgendaItemKind;
  minutes: number;
  presentation: number;
  situation_id: string;
  reason: SuggestionReason | null;
  presenter_organisation_id: string | null;
  presenter_user_id: string | null;
  person_id: string;
  case_code: string;
  initials: string;
  age_band: AgeBand;
  district: string | null;
  /** The kind of the partner whose referral opened the situation. */
  referrer_kind: OrganisationKind | null;
}

/**
 * The statement of a meeting's agenda items, in order, with their person's code and the kind of
 * the partner whose referral opened the situation. Only the columns the agenda shows: forty items
 * hydrated as entities cost more than the SQL. The access rules are added by the caller.
 */
export function agendaItemsQuery(manager: EntityManager, meetingId: unknown): SelectQueryBuilder<AgendaItem> {
  return (
    manager
      .createQueryBuilder()
      .select([
        'item.id AS id',
        'item.position AS position',
        'item.kind AS kind',
        'item.minutes AS minutes',
        'item.presentation AS presentation',
        'item.situation_id AS situation_id',
        'item.reason AS reason',
        'item.presenter_organisation_id AS presenter_organisation_id',
        'item.presenter_user_id AS presenter_user_id',
        'situation.person_id AS person_id',
        'person.case_code AS case_code',
        'person.initials AS initials',
        'person.age_band AS age_band',
        'person.district AS district',
      ])
      .addSelect(
        `(SELECT organisation.kind FROM referrals referral
          JOIN organisations organisation ON organisation.id = referral.referrer_organisation_id
         WHERE referral.situation_id = item.situation_id
         ORDER BY referral.created_at LIMIT 1)`,
        'referrer_kind',
      )
      .from(AgendaItem, 'item')
      .innerJoin(Situation, 'situation', 'situation.id = item.situationId')
      .innerJoin(Person, 'person', 'person.id = situation.personId')
      .where('item.meetingId = :meetingId', { meetingId })
      .orderBy('item.position', 'ASC')
      // Its text varies with the reader's rules only: one family per set of rules.
      .comment('prepared:agenda-items')
  );
}
