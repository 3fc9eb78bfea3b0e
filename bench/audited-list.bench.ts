/**
 * What auditing the reads of a list costs: the coordinator's « À traiter » (50 referrals, identity
 * and confidential notes shown, so 50 audited reads a page) read over HTTP by 8 then 32 clients at
 * once, in three ways measured in interleaved rounds of the same run:
 * - « sans audit » : the same requests and SQL, the read audit left out (the bench replaces
 *   `recordReads` by nothing — a switch that exists here only);
 * - « audit non chaîné » : as shipped, reads inserted sealed and unchained, the chaining loop
 *   running every two seconds beside them as the worker would, writing their links; each round
 *   (of every way) ends once the loop has linked what it read and the tables are vacuumed, that
 *   time counted in the round's, so that no round pays for the reads of the one before;
 * - « audit sous verrou » : each list's reads chained at once under the territory's head lock, as
 *   before, for comparison.
 * Then the audit's rows and bytes per page view, the link included.
 */
import { AUDITED_READ_CATEGORIES, Principal, Role } from '@relais/access';
import { AuditedRead, AuditEventChainer, AuditRecord, AuditService } from '@relais/audit';
import { OrganisationKind, Profession } from '@relais/identity';
import { GraphqlClient } from '@relais/testing';
import { performance } from 'node:perf_hooks';
import { EntityManager } from 'typeorm';
import { provisionTestInfrastructure } from '../libs/platform/testing/src/test-infrastructure';
import { RunningApi, startApi } from '../test/support/api-harness';
import { memberOf, recordConsent, referPerson, submit } from '../test/support/referral-journey';

const REFERRALS = 50;
const CONCURRENCIES = [8, 32];
const ROUNDS = 5;
const ROUND_MS = 6_000;
const WARM_UP_MS = 3_000;
const PAGE_VIEWS_MEASURED = 20;

const TO_REVIEW = `query ($t: ID!) { referralsToReview(territoryId: $t, first: 50) {
  edges { node { id status person { caseCode pseudonym } identity { lastName } difficultyAreas description redactedFields } } } }`;

type Mode = 'sans audit' | 'audit non chaîné' | 'audit sous verrou';
const MODES: Mode[] = ['sans audit', 'audit non chaîné', 'audit sous verrou'];

type RecordReads = AuditService['recordReads'];

/** The reads of a list written as they were before: one event per person, chained under the lock. */
function lockedRecordReads(audit: AuditService): RecordReads {
  const recordAll = (
    audit as unknown as {
      recordAll(manager: EntityManager, territoryId: string, records: AuditRecord[]): Promise<void>;
    }
  ).recordAll.bind(audit);
  return async (manager: EntityManager, principal: Principal, reads: readonly AuditedRead[]) => {
    const byTerritory = new Map<string, AuditRecord[]>();
    for (const read of reads) {
      const categories = read.categories.filter((category) => AUDITED_READ_CATEGORIES.has(category));
      if (!categories.length) continue;
      const records = byTerritory.get(read.territoryId) ?? [];
      records.push({
        territoryId: read.territoryId,
        actor: principal,
        action: 'PERSON_DATA_READ',
        subject: read.subject,
        personId: read.personId,
        dataCategories: [...categories].sort(),
      });
      byTerritory.set(read.territoryId, records);
    }
    for (const [territoryId, records] of byTerritory) await recordAll(manager, territoryId, records);
  };
}

async function seedReferrals(api: RunningApi, bailleur: GraphqlClient, territoryId: string, ccasId: string) {
  for (let index = 0; index < REFERRALS; index += 1) {
    const { id } = await referPerson(bailleur, {
      territoryId,
      person: { firstName: 'Banc', lastName: `Essai ${index}`, protectionMeasure: 'NONE' },
      form: {
        difficultyAreas: ['ISOLATION'],
        servicesInvolved: [],
        questionToCell: 'Quel relais proposer ?',
        description: 'Plus de nouvelles depuis trois semaines.',
        urgency: 'LOW',
        requests: ['CELL_EXAMINATION'],
      },
    });
    await recordConsent(bailleur, api, id, {
      organisationIds: [ccasId],
      dataCategories: ['LOGISTIC', 'IDENTITY', 'SOCIAL_CONFIDENTIAL'],
    });
    await submit(bailleur, id);
  }
}

/** Closed loop: `concurrency` clients each sending the next request when the last one answered. */
/**
 * Pages read per second by `concurrency` clients for `ms`, the time `settle` then takes counted in:
 * what the reads left for the chaining worker belongs to them, not to the round that follows.
 */
async function pagesPerSecond(
  read: () => Promise<unknown>,
  concurrency: number,
  ms: number,
  settle: () => Promise<unknown> = async () => undefined,
): Promise<number> {
  let done = 0;
  const end = performance.now() + ms;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < end) {
        await read();
        done += 1;
      }
    }),
  );
  await settle();
  return done / ((performance.now() - started) / 1000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

export async function run(): Promise<void> {
  const infrastructure = await provisionTestInfrastructure();
  const api = await startApi();
  const chainer = api.app.get(AuditEventChainer);
  // The worker's chaining loop, in this process: its work is part of what audited reads cost.
  let chaining: Promise<unknown> | undefined;
  const loop = setInterval(() => {
    chaining ??= chainer.chainAll().finally(() => (chaining = undefined));
  }, 2_000);
  try {
    const territory = await api.factory.territory();
    const cell = await api.factory.cell(territory);
    const ccasId = (await api.factory.organisation(territory, OrganisationKind.SOCIAL)).id;
    const logIn = async (kind: OrganisationKind, profession: Profession, role: Role) => {
      const organisation = await api.factory.organisation(territory, kind);
      return (await memberOf(api, territory, organisation, profession, [role], cell)).client;
    };
    const bailleur = await logIn(OrganisationKind.HOUSING, Profession.HOUSING_OFFICER, Role.REFERRER);
    const coordinator = await logIn(
      OrganisationKind.MUNICIPAL,
      Profession.CLSM_COORDINATOR,
      Role.COORDINATOR,
    );
    await seedReferrals(api, bailleur, territory.id, ccasId);

    const audit = api.app.get(AuditService);
    const shipped = audit.recordReads.bind(audit);
    const recorders: Record<Mode, RecordReads> = {
      'sans audit': async () => undefined,
      'audit non chaîné': shipped,
      'audit sous verrou': lockedRecordReads(audit),
    };
    const read = async () => {
      const page = await coordinator.expectData<{ referralsToReview: { edges: unknown[] } }>(TO_REVIEW, {
        t: territory.id,
      });
      if (page.referralsToReview.edges.length !== REFERRALS) throw new Error('Page incomplète.');
    };

    // Every round ends once the chaining loop has linked all its reads, and the tables are
    // vacuumed (autovacuum's work in production; off on test servers): that work is timed with the
    // reads that made it.
    const settle = async () => {
      await chaining;
      await chainer.chainAll();
      await api.dataSource.query('VACUUM audit_events, audit_read_links');
    };
    const rate = new Map<string, number[]>();
    for (const concurrency of CONCURRENCIES) {
      for (const mode of MODES) {
        audit.recordReads = recorders[mode];
        await pagesPerSecond(read, concurrency, WARM_UP_MS / MODES.length, settle);
      }
      for (let round = 0; round < ROUNDS; round += 1) {
        // Each round runs every mode once, in a turning order, so the machine's noise hits them alike.
        for (let turn = 0; turn < MODES.length; turn += 1) {
          const mode = MODES[(round + turn) % MODES.length];
          audit.recordReads = recorders[mode];
          const key = `${concurrency}:${mode}`;
          rate.set(key, [
            ...(rate.get(key) ?? []),
            await pagesPerSecond(read, concurrency, ROUND_MS, settle),
          ]);
        }
      }
    }

    process.stdout.write(
      `« À traiter » de la coordination (${REFERRALS} saisines par page), pages par seconde, médiane de ${ROUNDS} tours de ${ROUND_MS / 1000} s alternés :\n`,
    );
    for (const concurrency of CONCURRENCIES) {
      const base = median(rate.get(`${concurrency}:sans audit`)!);
      for (const mode of MODES) {
        const value = median(rate.get(`${concurrency}:${mode}`)!);
        process.stdout.write(
          `  ${String(concurrency).padStart(2)} clients  ${mode.padEnd(18)} ${value.toFixed(1).padStart(7)} pages/s  ×${(value / base).toFixed(2)} de « sans audit »\n`,
        );
      }
    }

    // Rows and bytes a page view adds to the journal, links included, once everything is chained:
    // at once, and once vacuumed (what the tables keep).
    process.stdout.write(`Journal d’audit par page vue (${PAGE_VIEWS_MEASURED} pages, chaînage compris) :\n`);
    for (const mode of ['audit non chaîné', 'audit sous verrou'] as const) {
      audit.recordReads = recorders[mode];
      const growth = async () => {
        await chaining;
        await chainer.chainAll();
        const before = await journalSize(api, territory.id);
        for (let view = 0; view < PAGE_VIEWS_MEASURED; view += 1) await read();
        await chaining;
        await chainer.chainAll();
        const after = await journalSize(api, territory.id);
        const per = (bytes: number) => `${(bytes / PAGE_VIEWS_MEASURED / 1024).toFixed(1)} Kio`;
        return {
          rows: ((after.rows - before.rows) / PAGE_VIEWS_MEASURED).toFixed(1),
          rowBytes: per(after.rowBytes - before.rowBytes),
          relationBytes: per(after.relationBytes - before.relationBytes),
        };
      };
      const first = await growth();
      await api.dataSource.query('VACUUM audit_events, audit_read_links');
      const steady = await growth();
      process.stdout.write(
        `  ${mode.padEnd(18)} ${first.rows} lignes, ${first.rowBytes} de lignes ; table et index : ${first.relationBytes} d’emblée, ${steady.relationBytes} après VACUUM\n`,
      );
    }
    audit.recordReads = shipped;
  } finally {
    clearInterval(loop);
    await chaining;
    await api.close();
    await infrastructure.stop();
  }
}

/** The journal's events, their bytes and their links', and both tables with their indexes (dead versions included). */
async function journalSize(api: RunningApi, territoryId: string) {
  const [row] = (await api.dataSource.query(
    `SELECT count(*)::int AS rows,
            coalesce(sum(pg_column_size(e.*)), 0)
              + (SELECT coalesce(sum(pg_column_size(l.*)), 0) FROM audit_read_links l WHERE l.territory_id = $1)
              AS row_bytes,
            pg_total_relation_size('audit_events') + pg_total_relation_size('audit_read_links') AS relation_bytes
       FROM audit_events e WHERE e.territory_id = $1`,
    [territoryId],
  )) as { rows: number; row_bytes: string; relation_bytes: string }[];
  return { rows: row.rows, rowBytes: Number(row.row_bytes), relationBytes: Number(row.relation_bytes) };
}
