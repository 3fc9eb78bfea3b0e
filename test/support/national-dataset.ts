import { Role } from '@relais/access';
import { CHAINING_BATCH } from '@relais/audit';
import { OrganisationKind, Profession, sharingCategoryOf } from '@relais/identity';
import { TEST_PASSWORD } from '@relais/identity/testing';
import { Algorithm, hash } from '@node-rs/argon2';
import { Client } from 'pg';

/**
 * How much a national deployment holds. Totals over every territory; the other tables follow in
 * the proportions below (per territory: 24 partners, 48 accounts, 2 charters; per situation: 1.3
 * people referred, one consent each, an agenda item with two guests, ...).
 */
export interface NationalScale {
  territories: number;
  situations: number;
  actions: number;
  auditEvents: number;
  /** The large territory holds as much as this many average territories. */
  largeTerritoryWeight: number;
}

/** Raised whenever the generator makes other rows: benchmarks keep a dataset only of the same generation. */
export const NATIONAL_GENERATION = 3;

/** France's ~260 CLSM and then some: what one deployment is meant to serve. */
export const NATIONAL: NationalScale = {
  territories: 300,
  situations: 100_000,
  actions: 1_000_000,
  auditEvents: 5_000_000,
  largeTerritoryWeight: 20,
};

/** The agenda every benchmark and plan reads: a meeting being prepared with this many items. */
export const AGENDA_ITEMS = 40;
/** The small territory: enough situations for a 40-item agenda (planned wherever there are as many) and a 50-row page. */
const SMALL_SITUATIONS = 60;
const ORGANISATIONS = 24;
const ITEMS_PER_MEETING = 10;

/** The accounts of every territory (the same 48 in each), by position. */
interface AccountTemplate {
  position: number;
  organisation: number;
  profession: Profession;
  roles: Role[];
}
const KINDS: OrganisationKind[] = [
  OrganisationKind.MUNICIPAL,
  OrganisationKind.SOCIAL,
  OrganisationKind.HOUSING,
  OrganisationKind.PSYCHIATRY,
  OrganisationKind.MEDICO_SOCIAL,
  OrganisationKind.ASSOCIATION,
  OrganisationKind.PEER_SUPPORT,
  OrganisationKind.JUSTICE_POLICE,
  OrganisationKind.OTHER,
];
const PROFESSION_OF_KIND: Record<OrganisationKind, Profession> = {
  MUNICIPAL: Profession.MUNICIPAL_OFFICER,
  SOCIAL: Profession.SOCIAL_WORKER,
  HOUSING: Profession.HOUSING_OFFICER,
  PSYCHIATRY: Profession.PSYCHIATRIC_NURSE,
  MEDICO_SOCIAL: Profession.SPECIALISED_EDUCATOR,
  ASSOCIATION: Profession.SOCIAL_WORKER,
  PEER_SUPPORT: Profession.OTHER,
  JUSTICE_POLICE: Profession.POLICE_OFFICER,
  OTHER: Profession.ADMINISTRATIVE_STAFF,
};
const ACCOUNTS: AccountTemplate[] = Array.from({ length: 2 * ORGANISATIONS }, (_, index) => {
  const position = index + 1;
  const organisation = (index % ORGANISATIONS) + 1;
  const kind = KINDS[(organisation - 1) % KINDS.length];
  const roles =
    position === 1
      ? [Role.COORDINATOR]
      : position <= 12
        ? [Role.CELL_MEMBER]
        : position <= 36
          ? [Role.REFERRER]
          : [Role.FOLLOWUP_PRACTITIONER];
  const profession = position === 1 ? Profession.CLSM_COORDINATOR : PROFESSION_OF_KIND[kind];
  return { position, organisation, profession, roles };
});
/** Account positions the benchmarks sign in with. */
export const ACCOUNT = { coordinator: 1, cellMember: 2, referrer: 13, practitioner: 37 } as const;

export interface SignInAccount {
  userId: string;
  email: string;
  password: string;
  organisationId: string;
}

export interface GeneratedTerritory {
  id: string;
  cellId: string;
  situations: number;
  /** The meeting being prepared, with its 40 items. */
  agendaMeetingId: string;
  /** The person of the territory's latest audit event (one in 50 or so is about her): "who saw this file". */
  auditedPersonId: string;
  accounts: { coordinator: SignInAccount; referrer: SignInAccount; practitioner: SignInAccount };
}

export interface NationalDataset {
  scale: NationalScale;
  /** How the rows were made (`NATIONAL_GENERATION`): a dataset made otherwise is made again. */
  generation: number;
  /** Rows per table, as counted after generation. */
  rows: Record<string, number>;
  small: GeneratedTerritory;
  large: GeneratedTerritory;
  seconds: number;
}

const TABLES = [
  'territories',
  'organisations',
  'users',
  'memberships',
  'charter_acceptances',
  'sessions',
  'persons',
  'situations',
  'referrals',
  'consents',
  'consent_exceptions',
  'situation_circle_members',
  'meetings',
  'agenda_items',
  'item_invitations',
  'meeting_invitees',
  'situation_actions',
  'follow_ups',
  'follow_up_team_members',
  'follow_up_acts',
  'item_disclosures',
  'decisions',
  'attendances',
  'handoffs',
  'reminders',
  'notifications',
  'audit_events',
  'audit_read_links',
];

/** Large is territory 1, small territory 2, the others share the rest evenly. */
function perTerritory(total: number, scale: NationalScale, small: number): string {
  const average = total / scale.territories;
  const large = Math.round(average * scale.largeTerritoryWeight);
  const others = Math.max(0, Math.floor((total - large - small) / Math.max(1, scale.territories - 2)));
  return `CASE WHEN ord = 1 THEN ${large} WHEN ord = 2 THEN ${small} ELSE ${others} END`;
}

/**
 * Ids are derived from what a row is, so tables reference each other without joins; shaped as
 * random (version 4) UUIDs, as the api's inputs require.
 */
const uid = (kind: string, ...parts: string[]) =>
  `overlay(overlay(md5('${kind}:' || ${parts.join(` || ':' || `)}) placing '4' from 13) placing '8' from 17)::uuid`;

export function nationalAccountEmail(territoryOrdinal: number, position: number): string {
  return `pro-${territoryOrdinal}-${position}@national.relais.test`;
}

/**
 * Fills a migrated Relais database with a national deployment's rows, set-based (generate_series,
 * INSERT … SELECT), through the schema owner's connection: foreign keys, enums, unique and check
 * constraints and triggers hold (every row is consistent by construction and inserted with them
 * in force). Dates are relative to the database's now(). The audit log's rows are NOT a valid hash
 * chain (their hashes are made up; each territory's chain head follows them so the api appends
 * after them): no verification may run over them.
 */
export async function generateNationalDataset(
  database: string | Client,
  scale: NationalScale,
  progress: (line: string) => void = () => undefined,
): Promise<NationalDataset> {
  const started = Date.now();
  const client = typeof database === 'string' ? new Client({ connectionString: database }) : database;
  if (typeof database === 'string') await client.connect();
  try {
    const passwordHash = await hash(TEST_PASSWORD.normalize('NFC'), {
      algorithm: Algorithm.Argon2id,
      memoryCost: 19_456,
      timeCost: 2,
      parallelism: 1,
    });
    const step = async (what: string, sql: string, values: unknown[] = []) => {
      const at = Date.now();
      const result = await client.query(sql, values);
      progress(`${what} : ${result.rowCount ?? 0} lignes en ${((Date.now() - at) / 1000).toFixed(1)} s`);
    };
    await client.query(`SET synchronous_commit = off`);
    await client.query(`DROP TABLE IF EXISTS pg_temp.gen_t`);
    // One row per territory with its share of every table. The small territory's people have as
    // many audit events each as the others' ("who saw this file" then shows pages as long).
    await client.query(
      `CREATE TEMP TABLE gen_t AS
       SELECT ord, ${uid('territory', 'ord')} AS id, ${uid('cell', 'ord')} AS cell_id,
              ${perTerritory(scale.situations, scale, SMALL_SITUATIONS)} AS situations,
              ${perTerritory(scale.actions, scale, SMALL_SITUATIONS * 2)} AS actions,
              ${perTerritory(scale.auditEvents, scale, SMALL_SITUATIONS * Math.round(scale.auditEvents / scale.situations))} AS audit_events
         FROM generate_series(1, $1::int) ord`,
      [scale.territories],
    );
    await client.query(`ALTER TABLE gen_t ADD COLUMN persons int`);
    await client.query(`UPDATE gen_t SET persons = (situations * 13) / 10, actions = greatest(actions, 1)`);
    await client.query(`ANALYZE gen_t`);

    await step(
      'territoires',
      `INSERT INTO territories (id, name) SELECT id, 'CLSM national ' || ord FROM gen_t`,
    );
    await step(
      'cellules',
      `INSERT INTO cells (id, territory_id, name) SELECT cell_id, id, 'Cellule ' || ord FROM gen_t`,
    );
    await step(
      'partenaires',
      `INSERT INTO organisations (id, territory_id, name, kind)
       SELECT ${uid('org', 'ord', 'k')}, t.id, 'Partenaire ' || k,
              ($2::organisation_kind[])[((k - 1) % array_length($2::organisation_kind[], 1)) + 1]
         FROM gen_t t, generate_series(1, $1::int) k`,
      [ORGANISATIONS, `{${KINDS.join(',')}}`],
    );
    const accounts = JSON.stringify(
      ACCOUNTS.map((account) => ({
        ...account,
        sharing: sharingCategoryOf(account.profession, KINDS[(account.organisation - 1) % KINDS.length]),
      })),
    );
    await client.query(`DROP TABLE IF EXISTS pg_temp.gen_accounts`);
    await client.query(
      `CREATE TEMP TABLE gen_accounts AS
       SELECT (a->>'position')::int AS u, (a->>'organisation')::int AS org, (a->>'profession')::profession AS profession,
              (a->>'sharing')::sharing_category AS sharing,
              ARRAY(SELECT jsonb_array_elements_text(a->'roles'))::membership_role[] AS roles
         FROM jsonb_array_elements($1::jsonb) a`,
      [accounts],
    );
    await step(
      'comptes',
      `INSERT INTO users (id, territory_id, organisation_id, email, first_name, last_name, profession, sharing_category, password_hash)
       SELECT ${uid('user', 'ord', 'u')}, t.id, ${uid('org', 'ord', 'a.org')},
              'pro-' || ord || '-' || u || '@national.relais.test', 'Camille', 'National' || u,
              a.profession, a.sharing, $1
         FROM gen_t t, gen_accounts a`,
      [passwordHash],
    );
    await step(
      'adhésions',
      `INSERT INTO memberships (territory_id, user_id, roles, cell_id)
       SELECT t.id, ${uid('user', 'ord', 'u')}, a.roles,
              CASE WHEN 'COORDINATOR' = ANY (a.roles) OR 'CELL_MEMBER' = ANY (a.roles) THEN t.cell_id END
         FROM gen_t t, gen_accounts a`,
    );
    await step(
      'chartes',
      `INSERT INTO charters (id, territory_id, kind, version, title, body, published_at, published_by_user_id)
       SELECT ${uid('charter', 'ord', 'kind::text')}, t.id, kind, 1, 'Charte', 'Texte de la charte.',
              now() - interval '400 days', ${uid('user', 'ord', '1')}
         FROM gen_t t, unnest(enum_range(NULL::charter_kind)) kind`,
    );
    await step(
      'acceptations de charte',
      `INSERT INTO charter_acceptances (territory_id, charter_id, user_id, accepted_at)
       SELECT t.id, ${uid('charter', 'ord', 'kind::text')}, ${uid('user', 'ord', 'u')}, now() - interval '300 days'
         FROM gen_t t, gen_accounts a, unnest(enum_range(NULL::charter_kind)) kind`,
    );
    await step(
      'sessions passées',
      `INSERT INTO sessions (territory_id, user_id, created_at, last_seen_at, expires_at, ended_at, end_reason)
       SELECT t.id, ${uid('user', 'ord', 'u')}, now() - d * interval '1 day', now() - d * interval '1 day',
              now() - d * interval '1 day' + interval '8 hours', now() - d * interval '1 day' + interval '1 hour', 'LOGOUT'
         FROM gen_t t, gen_accounts a, generate_series(1, 3) d`,
    );
    // A case code per person: its number in Crockford's base 32, unique in the territory.
    await client.query(
      `CREATE OR REPLACE FUNCTION pg_temp.case_code(n int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
         SELECT string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', ((n >> (5 * (5 - i))) & 31) + 1, 1)
                || CASE WHEN i = 2 THEN '-' ELSE '' END, '' ORDER BY i)
           FROM generate_series(0, 5) i $$`,
    );
    await step(
      'personnes',
      `INSERT INTO persons (id, territory_id, case_code, initials, age_band, district)
       SELECT ${uid('person', 'ord', 'n')}, t.id, pg_temp.case_code(n), 'A. B.',
              (enum_range(NULL::age_band))[(n % 8) + 1], 'Quartier ' || (n % 12)
         FROM gen_t t, generate_series(1, t.persons) n`,
    );
    await step(
      'identités',
      `INSERT INTO person_identities (territory_id, person_id, last_name, first_name, birth_date, protection_measure, duplicate_key)
       SELECT t.id, ${uid('person', 'ord', 'n')}, 'Nom' || n, 'Prénom', date '1960-01-01' + (n % 15000),
              'NONE', encode(sha256(('dup:' || ord || ':' || n)::bytea), 'hex')
         FROM gen_t t, generate_series(1, t.persons) n`,
    );
    await step(
      'situations',
      `INSERT INTO situations (id, territory_id, person_id, status, opened_at, closed_at, closure_reason, next_review_on)
       SELECT ${uid('situation', 'ord', 'n')}, t.id, ${uid('person', 'ord', 'n')},
              CASE WHEN n > ${AGENDA_ITEMS} AND n % 7 = 0 THEN 'CLOSED'
                   ELSE (ARRAY['ACCEPTED','SCHEDULED','EXAMINED','ACTIONS_IN_PROGRESS','REVIEW_DUE'])[(n % 5) + 1] END::situation_status,
              now() - (n % 700 + 30) * interval '1 day',
              CASE WHEN n > ${AGENDA_ITEMS} AND n % 7 = 0 THEN now() - (n % 20) * interval '1 day' END,
              CASE WHEN n > ${AGENDA_ITEMS} AND n % 7 = 0 THEN 'NO_LONGER_COMPLEX'::closure_reason END,
              current_date + (n % 120 - 30)
         FROM gen_t t, generate_series(1, t.situations) n`,
    );
    // Every person referred once: those with a situation accepted, the others along the way.
    await step(
      'orientations',
      `INSERT INTO referrals (id, territory_id, person_id, referrer_user_id, referrer_organisation_id, status,
                              difficulty_areas, urgency, requests, description, submitted_at, decided_at,
                              redirect_target, situation_id, created_at, updated_at)
       SELECT ${uid('referral', 'ord', 'n')}, t.id, ${uid('person', 'ord', 'n')},
              ${uid('user', 'ord', '(13 + n % 24)')}, ${uid('org', 'ord', '(((12 + n % 24) % 24) + 1)')},
              s.status, ARRAY['HOUSING_DEBT','ISOLATION']::difficulty_area[], (ARRAY['LOW','MEDIUM','HIGH'])[(n % 3) + 1]::urgency,
              ARRAY['CELL_EXAMINATION']::referral_request[], 'Situation décrite par le partenaire.',
              CASE WHEN s.status <> 'DRAFT' THEN now() - (n % 700 + 40) * interval '1 day' END,
              CASE WHEN s.status IN ('ACCEPTED','REDIRECTED') THEN now() - (n % 700 + 35) * interval '1 day' END,
              CASE WHEN s.status = 'REDIRECTED' THEN 'MDPH'::redirect_target END,
              CASE WHEN n <= t.situations THEN ${uid('situation', 'ord', 'n')} END,
              now() - (n % 700 + 45) * interval '1 day', now() - (n % 700 + 35) * interval '1 day'
         FROM gen_t t, generate_series(1, t.persons) n,
              LATERAL (SELECT CASE WHEN n <= t.situations THEN 'ACCEPTED'
                                   ELSE (ARRAY['DRAFT','SUBMITTED','PRE_REVIEW','REDIRECTED','NEEDS_CONSENT','WITHDRAWN'])[(n % 6) + 1]
                              END::referral_status AS status) s`,
    );
    await step(
      'consentements',
      `INSERT INTO consents (id, territory_id, person_id, referral_id, status, method, collected_by_user_id,
                             collected_by_organisation_id, collected_on, recorded_at, information_given, wishes_to_attend,
                             purposes, organisation_ids, includes_cell, data_categories, expires_on)
       SELECT ${uid('consent', 'ord', 'n')}, t.id, ${uid('person', 'ord', 'n')}, ${uid('referral', 'ord', 'n')},
              'GIVEN', 'WRITTEN',
              ${uid('user', 'ord', '(13 + n % 24)')}, ${uid('org', 'ord', '(((12 + n % 24) % 24) + 1)')},
              current_date - (n % 700 + 45), now() - (n % 700 + 45) * interval '1 day',
              enum_range(NULL::information_item), false, ARRAY['CELL_EXAMINATION','FOLLOW_UP']::consent_purpose[],
              ARRAY[${uid('org', 'ord', '((n % 24) + 1)')}, ${uid('org', 'ord', '(((n + 7) % 24) + 1)')}], true,
              ARRAY['LOGISTIC','SOCIAL_CONFIDENTIAL']::data_category[], current_date + (n % 700)
         FROM gen_t t, generate_series(1, t.persons) n`,
    );
    await step(
      'dérogations',
      `INSERT INTO consent_exceptions (id, territory_id, person_id, referral_id, ground, justification, organisation_ids,
                                       data_categories, status, requested_by_user_id, requested_by_organisation_id,
                                       requested_at, decided_at, inform_person_by)
       SELECT ${uid('derogation', 'ord', 'n')}, t.id, ${uid('person', 'ord', 'n')}, ${uid('referral', 'ord', 'n')},
              'PERIL', 'Péril imminent.',
              ARRAY[${uid('org', 'ord', '((n % 24) + 1)')}], ARRAY['LOGISTIC']::data_category[],
              (ARRAY['PENDING','APPROVED','REJECTED'])[(n % 3) + 1]::derogation_status,
              ${uid('user', 'ord', '1')}, ${uid('org', 'ord', '1')}, now() - (n % 300) * interval '1 day',
              CASE WHEN n % 3 > 0 THEN now() - (n % 300) * interval '1 day' END, current_date + 30
         FROM gen_t t, generate_series(20, t.persons, 20) n`,
    );
    await step(
      'cercles',
      `INSERT INTO situation_circle_members (territory_id, situation_id, organisation_id, basis, added_at)
       SELECT t.id, ${uid('situation', 'ord', 'n')}, ${uid('org', 'ord', 'o')}, b.basis::legal_basis, now() - interval '30 days'
         FROM gen_t t, generate_series(1, t.situations) n,
              LATERAL (VALUES ((((12 + n % 24) % 24) + 1), 'REFERRAL'), ((((n + 7) % 24) + 1), 'CONSENT')) b(o, basis)`,
    );
    // Meetings of ten items over the past two years and the next months, then the one being prepared.
    await step(
      'séances',
      `INSERT INTO meetings (id, territory_id, cell_id, starts_at, place, status, agenda_published_at, created_at)
       SELECT ${uid('meeting', 'ord', 'm')}, t.id, t.cell_id, s.at, 'Mairie',
              CASE WHEN s.at < now() THEN 'MINUTES_PUBLISHED' ELSE 'PLANNED' END::meeting_status,
              CASE WHEN s.at < now() THEN s.at - interval '7 days' END, s.at - interval '30 days'
         FROM gen_t t, generate_series(1, (t.situations + ${ITEMS_PER_MEETING - 1}) / ${ITEMS_PER_MEETING}) m,
              LATERAL (SELECT date_trunc('day', now()) - interval '700 days' + interval '14 hours'
                              + (m * 790 / ((t.situations + ${ITEMS_PER_MEETING - 1}) / ${ITEMS_PER_MEETING})) * interval '1 day' AS at) s
       UNION ALL
       SELECT ${uid('meeting', 'ord', '0')}, t.id, t.cell_id, date_trunc('day', now()) + interval '20 days 14 hours',
              'Mairie', 'PLANNED', NULL, now() - interval '10 days'
         FROM gen_t t WHERE t.situations >= ${AGENDA_ITEMS}`,
    );
    await step(
      'points',
      `INSERT INTO agenda_items (id, territory_id, meeting_id, situation_id, position, kind, minutes, presentation)
       SELECT ${uid('item', 'ord', 'n')}, t.id, ${uid('meeting', 'ord', `((n - 1) / ${ITEMS_PER_MEETING} + 1)`)},
              ${uid('situation', 'ord', 'n')}, (n - 1) % ${ITEMS_PER_MEETING} + 1, 'NEW'::agenda_item_kind, 10, 1
         FROM gen_t t, generate_series(1, t.situations) n
       UNION ALL
       SELECT ${uid('item', 'ord', "'0-' || n")}, t.id, ${uid('meeting', 'ord', '0')}, ${uid('situation', 'ord', 'n')},
              n, 'REVIEW'::agenda_item_kind, 5, 2
         FROM gen_t t, generate_series(1, ${AGENDA_ITEMS}) n WHERE t.situations >= ${AGENDA_ITEMS}`,
    );
    await step(
      'invitations',
      `INSERT INTO item_invitations (territory_id, agenda_item_id, meeting_id, situation_id, organisation_id)
       SELECT t.id, ${uid('item', 'ord', 'n')}, ${uid('meeting', 'ord', `((n - 1) / ${ITEMS_PER_MEETING} + 1)`)},
              ${uid('situation', 'ord', 'n')}, ${uid('org', 'ord', 'o')}
         FROM gen_t t, generate_series(1, t.situations) n, LATERAL (VALUES ((n % 24) + 1), (((n + 7) % 24) + 1)) g(o)
       UNION ALL
       SELECT t.id, ${uid('item', 'ord', "'0-' || n")}, ${uid('meeting', 'ord', '0')}, ${uid('situation', 'ord', 'n')},
              ${uid('org', 'ord', 'o')}
         FROM gen_t t, generate_series(1, ${AGENDA_ITEMS}) n, LATERAL (VALUES ((n % 24) + 1), (((n + 7) % 24) + 1)) g(o)
        WHERE t.situations >= ${AGENDA_ITEMS}`,
    );
    await step(
      'invités permanents',
      `INSERT INTO meeting_invitees (territory_id, meeting_id, user_id, organisation_id, kind)
       SELECT t.id, m.id, ${uid('user', 'ord', 'u')}, ${uid('org', 'ord', 'u')}, 'PERMANENT'
         FROM gen_t t JOIN meetings m ON m.territory_id = t.id, generate_series(2, 12) u`,
    );
    await step(
      'identités révélées',
      `INSERT INTO item_disclosures (territory_id, agenda_item_id, user_id, organisation_id)
       SELECT t.id, ${uid('item', 'ord', 'n')}, ${uid('user', 'ord', '2')}, ${uid('org', 'ord', '2')}
         FROM gen_t t, generate_series(3, t.situations, 3) n`,
    );
    await step(
      'décisions',
      `INSERT INTO decisions (territory_id, agenda_item_id, situation_id, text, decided_at)
       SELECT t.id, ${uid('item', 'ord', 'n')}, ${uid('situation', 'ord', 'n')}, 'Décision de la cellule.', m.starts_at
         FROM gen_t t, generate_series(1, t.situations) n, meetings m
        WHERE m.id = ${uid('meeting', 'ord', `((n - 1) / ${ITEMS_PER_MEETING} + 1)`)} AND m.starts_at < now()`,
    );
    await step(
      'présences',
      `INSERT INTO attendances (territory_id, meeting_id, user_id, organisation_id, status)
       SELECT m.territory_id, m.id, i.user_id, i.organisation_id, 'PRESENT'
         FROM meetings m JOIN meeting_invitees i ON i.meeting_id = m.id
        WHERE m.starts_at < now()`,
    );
    await step(
      'actions',
      `INSERT INTO situation_actions (id, territory_id, person_id, situation_id, description, owner_organisation_id,
                                      owner_user_id, due_on, status, origin, origin_id, created_at)
       SELECT ${uid('action', 'ord', 'j')}, t.id, ${uid('person', 'ord', 's')}, ${uid('situation', 'ord', 's')},
              'Action décidée en cellule',
              ${uid('org', 'ord', '((j % 24) + 1)')}, NULL, current_date + (j % 200 - 100),
              (enum_range(NULL::action_status))[(j % 5) + 1], 'DECISION', ${uid('decision', 'ord', 's')},
              now() - (j % 300 + 1) * interval '1 day'
         FROM gen_t t, generate_series(1, t.actions) j, LATERAL (SELECT ((j - 1) % t.situations) + 1 AS s) x`,
    );
    await step(
      'suivis',
      `INSERT INTO follow_ups (id, territory_id, situation_id, kind, requester_kind, phase, started_on, planned_end_on, ended_at)
       SELECT ${uid('followup', 'ord', 'n')}, t.id, ${uid('situation', 'ord', 'n')},
              (enum_range(NULL::follow_up_kind))[(n % 2) + 1], 'SOCIAL',
              (enum_range(NULL::follow_up_phase))[(n % 5) + 1], current_date - (n % 400),
              current_date - (n % 400) + 180, CASE WHEN n % 5 = 4 THEN now() - interval '3 days' END
         FROM gen_t t, generate_series(5, t.situations, 5) n`,
    );
    await step(
      'équipes de suivi',
      `INSERT INTO follow_up_team_members (territory_id, follow_up_id, role, user_id, organisation_id, from_on)
       SELECT t.id, ${uid('followup', 'ord', 'n')}, r.role, ${uid('user', 'ord', 'u')}, ${uid('org', 'ord', '(((u - 1) % 24) + 1)')},
              current_date - (n % 400)
         FROM gen_t t, generate_series(5, t.situations, 5) n,
              LATERAL (SELECT role, 37 + ((n / 5 + i) % 12) AS u
                         FROM unnest(enum_range(NULL::team_role)) WITH ORDINALITY e(role, i)) r`,
    );
    await step(
      'actes de suivi',
      `INSERT INTO follow_up_acts (territory_id, follow_up_id, occurred_on, type, duration_minutes, present_user_ids,
                                   note, note_visibility, author_user_id, recorded_at)
       SELECT t.id, ${uid('followup', 'ord', 'n')}, current_date - (n % 400) + a * 7,
              (enum_range(NULL::act_type))[(a % 5) + 1], 60, ARRAY[${uid('user', 'ord', '37')}], 'Visite.', 'TEAM',
              ${uid('user', 'ord', '37')}, now() - (n % 400) * interval '1 day'
         FROM gen_t t, generate_series(5, t.situations, 5) n, generate_series(1, 4) a`,
    );
    await step(
      'objectifs de suivi',
      `INSERT INTO follow_up_objectives (territory_id, follow_up_id, text)
       SELECT t.id, ${uid('followup', 'ord', 'n')}, 'Objectif ' || o
         FROM gen_t t, generate_series(5, t.situations, 5) n, generate_series(1, 2) o`,
    );
    await step(
      'renouvellements',
      `INSERT INTO follow_up_renewals (territory_id, follow_up_id, reason, planned_end_on, renewed_at)
       SELECT t.id, ${uid('followup', 'ord', 'n')}, 'Accompagnement prolongé.', current_date + 90, now() - interval '20 days'
         FROM gen_t t, generate_series(15, t.situations, 15) n`,
    );
    await step(
      'passages de relais',
      `INSERT INTO handoffs (id, territory_id, situation_id, follow_up_id, receiving_organisation_id, cmp_follow_up_status,
                             eviction_procedure_state, person_agreed, status, proposed_by_user_id,
                             proposed_by_organisation_id, proposed_at, answered_at)
       SELECT ${uid('handoff', 'ord', 'n')}, t.id, ${uid('situation', 'ord', 'n')}, ${uid('followup', 'ord', 'n')},
              ${uid('org', 'ord', '(((n / 20) % 24) + 1)')},
              'NONE', 'NONE', true, (enum_range(NULL::handoff_status))[(n / 20) % 3 + 1], ${uid('user', 'ord', '37')},
              ${uid('org', 'ord', '13')}, now() - (n % 200) * interval '1 day',
              CASE WHEN (n / 20) % 3 > 0 THEN now() - (n % 200) * interval '1 day' + interval '2 days' END
         FROM gen_t t, generate_series(20, t.situations, 20) n`,
    );
    // One reminder per five actions, to an account of the action's partner; each sent one notified.
    await step(
      'rappels',
      `INSERT INTO reminders (id, territory_id, kind, subject_type, subject_id, person_id, situation_id,
                              recipient_user_id, recipient_organisation_id, due_at, status, dedupe_key, created_at, settled_at)
       SELECT ${uid('reminder', 'ord', 'j')}, t.id, CASE WHEN j % 2 = 0 THEN 'ACTION_DUE' ELSE 'ACTION_OVERDUE' END::reminder_kind,
              'SituationAction', ${uid('action', 'ord', 'j')}, ${uid('person', 'ord', 's')}, ${uid('situation', 'ord', 's')},
              ${uid('user', 'ord', '((j % 24) + 1)')}, ${uid('org', 'ord', '((j % 24) + 1)')},
              now() + (j % 60 - 40) * interval '1 day',
              CASE WHEN j % 60 >= 40 THEN 'SCHEDULED' ELSE 'SENT' END::reminder_status,
              'national:' || ord || ':' || j, now() - interval '50 days',
              CASE WHEN j % 60 < 40 THEN now() + (j % 60 - 40) * interval '1 day' END
         FROM gen_t t, generate_series(5, t.actions, 5) j, LATERAL (SELECT ((j - 1) % t.situations) + 1 AS s) x`,
    );
    // Due now, of every kind the dispatcher re-reads a subject for (some subjects may be missing).
    await step(
      'rappels à envoyer',
      `INSERT INTO reminders (territory_id, kind, subject_type, subject_id, person_id, situation_id, recipient_user_id,
                              recipient_organisation_id, due_at, dedupe_key, created_at)
       SELECT t.id, k.kind::reminder_kind, k.type, k.subject, ${uid('person', 'ord', 'n')}, ${uid('situation', 'ord', 'n')},
              ${uid('user', 'ord', '1')}, ${uid('org', 'ord', '1')}, now() - interval '1 hour',
              'national-due:' || ord || ':' || k.kind || ':' || n, now() - interval '10 days'
         FROM gen_t t, generate_series(1, least(10, t.situations)) n,
              LATERAL (VALUES ('MINUTES_PUBLISHED', 'Meeting', ${uid('meeting', 'ord', `((n - 1) / ${ITEMS_PER_MEETING} + 1)`)}),
                              ('CONSENT_EXPIRING', 'Consent', ${uid('consent', 'ord', 'n')}),
                              ('FOLLOW_UP_REVIEW_DUE', 'FollowUp', ${uid('followup', 'ord', '(n * 5)')}),
                              ('HANDOFF_UNANSWERED', 'Handoff', ${uid('handoff', 'ord', '(n * 20)')}),
                              ('REFERRAL_NOT_ACKNOWLEDGED', 'Referral', ${uid('referral', 'ord', 'n')}),
                              ('PERSON_TO_INFORM', 'Derogation', ${uid('derogation', 'ord', '(n * 20)')}),
                              ('PERSON_ANSWER_MISSING', 'AgendaItem', ${uid('item', 'ord', 'n')}),
                              ('SITUATION_INACTIVE', 'Situation', ${uid('situation', 'ord', 'n')}),
                              ('ACTION_OVERDUE', 'SituationAction', ${uid('action', 'ord', 'n')})) k(kind, type, subject)`,
    );
    await step(
      'notifications',
      `INSERT INTO notifications (territory_id, user_id, reminder_id, kind, subject_type, subject_id, situation_id,
                                  case_code, about_on, created_at, read_at, mail_status)
       SELECT r.territory_id, r.recipient_user_id, r.id, r.kind, r.subject_type, r.subject_id, r.situation_id,
              'AAA-AAA', r.due_at::date, r.settled_at, CASE WHEN r.settled_at < now() - interval '5 days' THEN r.settled_at END, 'SENT'
         FROM reminders r WHERE r.status = 'SENT' AND r.dedupe_key LIKE 'national:%'`,
    );
    // Made-up hashes (see above). As the api writes it: four events in five are reads, written
    // unchained with a seal (drawn by a hash of the ordinal, so that every person's file holds
    // both); the others are chained writes, numbered by their ordinal. The reads are
    // linked in sets of the chaining worker's size, numbered after the writes, and the head is on
    // the last set.
    await step(
      'journal d’audit',
      `INSERT INTO audit_events (territory_id, sequence, occurred_at, actor_user_id, action, subject_type, subject_id,
                                 person_id, data_categories, key_id, previous_hash, hash)
       SELECT t.id, CASE WHEN read THEN NULL ELSE e END, now() - (t.audit_events - e) * interval '5 seconds',
              ${uid('user', 'ord', '((e % 48) + 1)')},
              CASE WHEN read THEN 'PERSON_DATA_READ'
                   ELSE (ARRAY['SITUATION_UPDATED','REFERRAL_SUBMITTED','ACTION_CREATED','DOCUMENT_DOWNLOADED'])[(e % 4) + 1] END,
              'Situation', ${uid('situation', 'ord', '((e % t.situations) + 1)')},
              ${uid('person', 'ord', '((e % t.situations) + 1)')}, ARRAY['LOGISTIC'], 'national',
              CASE WHEN read THEN NULL ELSE md5('h' || ord || ':' || (e - 1)) || md5('g' || ord || ':' || (e - 1)) END,
              md5('h' || ord || ':' || e) || md5('g' || ord || ':' || e)
         FROM gen_t t, generate_series(1, t.audit_events) e, LATERAL (SELECT hashint4(e) % 5 <> 0 AS read) r`,
    );
    await step(
      'liens des lectures',
      `INSERT INTO audit_read_links (territory_id, sequence, positions, seals, last_position, key_id, previous_hash, hash)
       SELECT r.territory_id, t.audit_events + r.set + 1, array_agg(r.position ORDER BY r.position),
              string_agg(decode(r.hash, 'hex'), ''::bytea ORDER BY r.position), max(r.position), 'national',
              md5('lp' || t.ord || ':' || r.set) || md5('lq' || t.ord || ':' || r.set),
              md5('l' || t.ord || ':' || r.set) || md5('m' || t.ord || ':' || r.set)
         FROM (SELECT territory_id, position, hash,
                      (row_number() OVER (PARTITION BY territory_id ORDER BY position) - 1) / ${CHAINING_BATCH} AS set
                 FROM audit_events WHERE sequence IS NULL) r
         JOIN gen_t t ON t.id = r.territory_id
        GROUP BY r.territory_id, t.audit_events, t.ord, r.set`,
    );
    await step(
      'têtes de chaîne',
      `INSERT INTO audit_chain_heads (territory_id, sequence, hash)
       SELECT t.id, coalesce(max(l.sequence), t.audit_events),
              md5('h' || t.ord || ':head') || md5('g' || t.ord || ':head')
         FROM gen_t t LEFT JOIN audit_read_links l ON l.territory_id = t.id
        GROUP BY t.id, t.ord, t.audit_events`,
    );
    await step('statistiques', 'ANALYZE');

    const rows: Record<string, number> = {};
    for (const table of TABLES) {
      const [{ count }] = (await client.query<{ count: string }>(`SELECT count(*) AS count FROM ${table}`))
        .rows;
      rows[table] = Number(count);
    }
    const territoryOf = async (ordinal: number): Promise<GeneratedTerritory> => {
      const [row] = (
        await client.query<{
          id: string;
          cell_id: string;
          situations: number;
          meeting: string;
          audited_person: string;
        }>(
          `SELECT id, cell_id, situations, ${uid('meeting', 'ord', '0')} AS meeting,
                  ${uid('person', 'ord', '((audit_events % situations) + 1)')} AS audited_person
             FROM gen_t WHERE ord = $1`,
          [ordinal],
        )
      ).rows;
      const account = async (position: number): Promise<SignInAccount> => {
        const email = nationalAccountEmail(ordinal, position);
        const [user] = (
          await client.query<{ id: string; organisation_id: string }>(
            'SELECT id, organisation_id FROM users WHERE email = $1',
            [email],
          )
        ).rows;
        return { userId: user.id, email, password: TEST_PASSWORD, organisationId: user.organisation_id };
      };
      return {
        id: row.id,
        cellId: row.cell_id,
        situations: row.situations,
        agendaMeetingId: row.meeting,
        auditedPersonId: row.audited_person,
        accounts: {
          coordinator: await account(ACCOUNT.coordinator),
          referrer: await account(ACCOUNT.referrer),
          practitioner: await account(ACCOUNT.practitioner),
        },
      };
    };
    return {
      scale,
      generation: NATIONAL_GENERATION,
      rows,
      large: await territoryOf(1),
      small: await territoryOf(2),
      seconds: (Date.now() - started) / 1000,
    };
  } finally {
    if (typeof database === 'string') await client.end();
  }
}
