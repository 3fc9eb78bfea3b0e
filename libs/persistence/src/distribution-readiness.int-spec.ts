import { checkDistributionReadiness, DistributionReadiness } from '@relais/database';
import { testConfig } from '@relais/testing';
import { Client } from 'pg';

/**
 * A ratchet towards Citus (distribution by territory_id, see docs/scaling.md): every table of the
 * migrated schema is distributable, or an allowed reference table, or listed below with what still
 * blocks it. The list may only shrink: a new table, a new unique index or a new foreign key that
 * lacks territory_id fails here, and so does fixing one without striking it off.
 */

/** Small, shared, without territory_id: copied whole to every node. Keep this list short. */
const REFERENCE_TABLES: Readonly<Record<string, string>> = {
  territories: 'one row per CLSM, read at sign-in and by the cross-territory maintenance',
};

/**
 * What still blocks each table, by catalog name: `pk_…` a primary key on the id alone, `uq_…`/`ux_…`
 * a unique index without territory_id, `fk_…` a foreign key to a distributed table that does not
 * pair territory_id on both sides. The accounts' tables (users and what hangs from them: sessions,
 * tokens, second factors) are keyed by e-mail, token hash or user across territories: sign-in
 * finds an account before knowing its territories.
 */
const NOT_READY: Readonly<Record<string, readonly string[]>> = {
  agenda_items: [
    'pk_agenda_items',
    'uq_agenda_items_meeting_situation',
    'fk_agenda_items_meeting',
    'fk_agenda_items_situation',
  ],
  attendances: ['pk_attendances', 'uq_attendances_meeting_user', 'fk_attendances_meeting'],
  audit_chain_purges: ['pk_audit_chain_purges'],
  audit_events: ['pk_audit_events'],
  cells: ['pk_cells'],
  charter_acceptances: [
    'pk_charter_acceptances',
    'uq_charter_acceptances_charter_user',
    'fk_charter_acceptances_charter',
    'fk_charter_acceptances_user',
  ],
  charters: ['pk_charters', 'fk_charters_published_by'],
  consent_exceptions: ['pk_consent_exceptions', 'fk_consent_exceptions_person'],
  consents: ['pk_consents', 'fk_consents_person'],
  data_subject_requests: ['pk_data_subject_requests'],
  decisions: ['pk_decisions', 'fk_decisions_agenda_item'],
  follow_up_acts: ['pk_follow_up_acts', 'fk_follow_up_acts_follow_up'],
  follow_up_objectives: ['pk_follow_up_objectives', 'fk_follow_up_objectives_follow_up'],
  follow_up_renewals: ['pk_follow_up_renewals', 'fk_follow_up_renewals_follow_up'],
  follow_up_team_members: ['pk_follow_up_team_members', 'fk_follow_up_team_members_follow_up'],
  follow_ups: ['pk_follow_ups', 'fk_follow_ups_situation'],
  handoffs: ['pk_handoffs', 'fk_handoffs_situation'],
  item_disclosures: [
    'pk_item_disclosures',
    'uq_item_disclosures_item_user',
    'fk_item_disclosures_agenda_item',
  ],
  item_invitations: [
    'pk_item_invitations',
    'uq_item_invitations_item_organisation',
    'fk_item_invitations_agenda_item',
    'fk_item_invitations_meeting',
    'fk_item_invitations_situation',
  ],
  legal_holds: ['pk_legal_holds'],
  meeting_invitees: [
    'pk_meeting_invitees',
    'uq_meeting_invitees_meeting_user',
    'fk_meeting_invitees_meeting',
  ],
  meetings: ['pk_meetings'],
  memberships: [
    'pk_memberships',
    'fk_memberships_cell',
    'fk_memberships_substitute_of',
    'fk_memberships_user',
  ],
  notifications: ['pk_notifications', 'ux_notifications_reminder', 'fk_notifications_reminder'],
  organisations: ['pk_organisations'],
  outbox_consumptions: ['pk_outbox_consumptions'],
  outbox_events: ['pk_outbox_events'],
  person_identities: ['pk_person_identities', 'uq_person_identities_person', 'fk_person_identities_person'],
  persons: ['pk_persons'],
  recovery_codes: ['pk_recovery_codes', 'uq_recovery_codes_user_hash', 'fk_recovery_codes_user'],
  referral_transitions: ['pk_referral_transitions'],
  referrals: ['pk_referrals', 'fk_referrals_person', 'fk_referrals_situation'],
  refresh_tokens: ['pk_refresh_tokens', 'uq_refresh_tokens_hash', 'fk_refresh_tokens_session'],
  reminder_policy_settings: ['pk_reminder_policy_settings'],
  reminders: ['pk_reminders', 'ux_reminders_dedupe_key'],
  restricted_notes: ['pk_restricted_notes', 'fk_restricted_notes_agenda_item'],
  second_factor_enrolments: [
    'pk_second_factor_enrolments',
    'uq_second_factor_enrolments_token',
    'fk_second_factor_enrolments_user',
  ],
  second_factors: ['pk_second_factors', 'uq_second_factors_user', 'fk_second_factors_user'],
  sessions: ['pk_sessions', 'fk_sessions_user'],
  set_password_tokens: [
    'pk_set_password_tokens',
    'uq_set_password_tokens_hash',
    'fk_set_password_tokens_user',
  ],
  situation_actions: [
    'pk_situation_actions',
    'fk_situation_actions_person',
    'fk_situation_actions_situation',
  ],
  situation_circle_members: [
    'pk_situation_circle_members',
    'uq_situation_circle_members_situation_organisation',
    'fk_situation_circle_members_situation',
  ],
  situation_events: ['pk_situation_events', 'fk_situation_events_situation'],
  situations: ['pk_situations', 'uq_situations_person_open', 'fk_situations_person'],
  users: ['pk_users', 'uq_users_email', 'fk_users_organisation'],
};

describe('distribution readiness of the migrated schema', () => {
  let readiness: DistributionReadiness;

  beforeAll(async () => {
    const client = new Client({ connectionString: testConfig().database.url });
    await client.connect();
    try {
      readiness = await checkDistributionReadiness(client);
    } finally {
      await client.end();
    }
  });

  it('has every new table distributable by territory_id, or an allowed reference table', () => {
    const offenders = readiness.tables
      .filter((table) => !(table.table in NOT_READY))
      .filter(
        (table) =>
          !(
            table.verdict === 'distributable' ||
            (table.verdict === 'reference' && table.table in REFERENCE_TABLES)
          ),
      )
      .map((table) =>
        table.verdict === 'reference'
          ? `${table.table}: sans territory_id ; table de référence non déclarée`
          : `${table.table}: ${table.blockers.map((blocker) => blocker.detail).join(' ; ')}`,
      );
    expect(offenders).toEqual([]);
  });

  it('keeps the listed tables blocked by exactly what the list says, so that it only shrinks', () => {
    const found = new Map(readiness.tables.map((table) => [table.table, table]));
    const actual = Object.fromEntries(
      Object.keys(NOT_READY).map((name) => [
        name,
        found.get(name)?.blockers.map((blocker) => blocker.name) ?? 'absente',
      ]),
    );
    expect(actual).toEqual(NOT_READY);
  });

  it('finds each allowed reference table present and fit to be one', () => {
    const verdicts = Object.keys(REFERENCE_TABLES).map(
      (name) => [name, readiness.tables.find((table) => table.table === name)?.verdict] as const,
    );
    expect(verdicts).toEqual(Object.keys(REFERENCE_TABLES).map((name) => [name, 'reference']));
  });
});
