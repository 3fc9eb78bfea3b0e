/**
 * What Postgres row-level security costs per request. Three variants of the same statements,
 * interleaved round by round so the machine's noise hits them alike:
 *   bare     — the schema owner (RLS does not apply), the statement alone;
 *   wrapper  — the owner, inside the api's per-request frame: BEGIN; set_config(…); statement; COMMIT;
 *   rls      — the application's role (RLS enforced) inside the same frame: what the api does.
 * wrapper/bare is the price of the frame, rls/wrapper the price of the policies themselves.
 */
import { processEnvironment } from '@relais/config';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { provisionTestInfrastructure } from '../libs/platform/testing/src/test-infrastructure';

const TERRITORIES = 20;
const MEMBERS_PER_TERRITORY = 200;
const WARM_UP_ROUNDS = 300;
const ROUNDS = 3_000;

type Variant = 'bare' | 'wrapper' | 'rls';
interface Shape {
  name: string;
  sql: string;
  parameters: (territoryId: string, userId: string) => unknown[];
}

const SHAPES: Shape[] = [
  {
    name: 'compte par clé primaire',
    sql: 'SELECT id, email, first_name, last_name FROM users WHERE id = $1',
    parameters: (_territoryId, userId) => [userId],
  },
  {
    name: 'membres d’un territoire (200 lignes)',
    sql: `SELECT m.id, m.roles, u.id AS user_id, u.email FROM memberships m
          JOIN users u ON u.id = m.user_id WHERE m.territory_id = $1`,
    parameters: (territoryId) => [territoryId],
  },
];

async function seed(owner: Client): Promise<{ territoryId: string; userId: string }[]> {
  const samples: { territoryId: string; userId: string }[] = [];
  for (let t = 0; t < TERRITORIES; t += 1) {
    const territoryId = randomUUID();
    const organisationId = randomUUID();
    await owner.query(`INSERT INTO territories (id, name, settings) VALUES ($1, $2, '{}')`, [
      territoryId,
      `Banc d'essai ${t}`,
    ]);
    await owner.query(
      `INSERT INTO organisations (id, territory_id, name, kind) VALUES ($1, $2, $3, 'SOCIAL')`,
      [organisationId, territoryId, `Partenaire ${t}`],
    );
    const ids = Array.from({ length: MEMBERS_PER_TERRITORY }, () => randomUUID());
    await owner.query(
      `INSERT INTO users (id, territory_id, organisation_id, email, first_name, last_name, profession, sharing_category, password_hash)
       SELECT id, $1, $2, 'banc-' || id || '@essai.relais.test', 'Banc', 'Essai', 'SOCIAL_WORKER', 'SOCIAL_MEDICOSOCIAL', 'x'
         FROM unnest($3::uuid[]) AS id`,
      [territoryId, organisationId, ids],
    );
    await owner.query(
      `INSERT INTO memberships (territory_id, user_id, roles) SELECT $1, id, '{CELL_MEMBER}' FROM unnest($2::uuid[]) AS id`,
      [territoryId, ids],
    );
    samples.push({ territoryId, userId: ids[0] });
  }
  await owner.query('ANALYZE');
  return samples;
}

async function once(client: Client, variant: Variant, shape: Shape, territoryId: string, userId: string) {
  const parameters = shape.parameters(territoryId, userId);
  if (variant === 'bare') return (await client.query(shape.sql, parameters)).rowCount ?? 0;
  await client.query('BEGIN');
  await client.query(
    `SELECT set_config('app.territory_ids', $1, true), set_config('app.purpose', '', true)`,
    [`{${territoryId}}`],
  );
  const rows = (await client.query(shape.sql, parameters)).rowCount ?? 0;
  await client.query('COMMIT');
  return rows;
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))];
}

async function measure(
  clients: Record<Variant, Client>,
  shape: Shape,
  samples: { territoryId: string; userId: string }[],
) {
  const timings: Record<Variant, number[]> = { bare: [], wrapper: [], rls: [] };
  const variants: Variant[] = ['bare', 'wrapper', 'rls'];
  for (let round = 0; round < WARM_UP_ROUNDS + ROUNDS; round += 1) {
    const { territoryId, userId } = samples[round % samples.length];
    // Rotating the order each round: no variant always runs first after a pause.
    for (const variant of [...variants.slice(round % 3), ...variants.slice(0, round % 3)]) {
      const started = process.hrtime.bigint();
      await once(clients[variant], variant, shape, territoryId, userId);
      const elapsed = Number(process.hrtime.bigint() - started) / 1_000;
      if (round >= WARM_UP_ROUNDS) timings[variant].push(elapsed);
    }
  }
  return Object.fromEntries(
    variants.map((variant) => {
      const sorted = timings[variant].sort((a, b) => a - b);
      return [variant, { median: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) }];
    }),
  ) as Record<Variant, { median: number; p95: number }>;
}

/** The second lock must hold while it is measured: the wrong territory sees nothing. */
async function assertIsolation(app: Client, samples: { territoryId: string; userId: string }[]) {
  const [first, second] = samples;
  const seen = await once(app, 'rls', SHAPES[1], second.territoryId, first.userId);
  const leaked = await (async () => {
    await app.query('BEGIN');
    await app.query(`SELECT set_config('app.territory_ids', $1, true)`, [`{${second.territoryId}}`]);
    const rows = (await app.query(SHAPES[1].sql, [first.territoryId])).rowCount ?? 0;
    await app.query('COMMIT');
    return rows;
  })();
  if (seen !== MEMBERS_PER_TERRITORY || leaked !== 0) {
    throw new Error(
      `Isolation par territoire rompue : ${seen} lignes vues, ${leaked} d'un autre territoire.`,
    );
  }
}

export async function run(): Promise<void> {
  const infrastructure = await provisionTestInfrastructure();
  const env = processEnvironment();
  const owner = new Client({ connectionString: env.DATABASE_OWNER_URL });
  const app = new Client({ connectionString: env.DATABASE_URL });
  const ownerInFrame = new Client({ connectionString: env.DATABASE_OWNER_URL });
  try {
    await Promise.all([owner.connect(), app.connect(), ownerInFrame.connect()]);
    const samples = await seed(owner);
    await assertIsolation(app, samples);
    const lines = [
      '',
      'Coût de la sécurité par ligne (RLS), par requête — microsecondes, médiane (p95), même exécution :',
      '',
    ];
    for (const shape of SHAPES) {
      const result = await measure({ bare: owner, wrapper: ownerInFrame, rls: app }, shape, samples);
      const ratio = (a: Variant, b: Variant) => (result[a].median / result[b].median).toFixed(2);
      lines.push(
        `  ${shape.name}`,
        `    requête seule (propriétaire)          ${result.bare.median.toFixed(0).padStart(6)} (${result.bare.p95.toFixed(0)})`,
        `    cadre transactionnel (propriétaire)   ${result.wrapper.median.toFixed(0).padStart(6)} (${result.wrapper.p95.toFixed(0)})`,
        `    cadre + RLS (rôle applicatif)         ${result.rls.median.toFixed(0).padStart(6)} (${result.rls.p95.toFixed(0)})`,
        `    cadre / seule ${ratio('wrapper', 'bare')}×   RLS / cadre ${ratio('rls', 'wrapper')}×   total ${ratio('rls', 'bare')}×`,
        '',
      );
    }
    process.stdout.write(lines.join('\n'));
  } finally {
    await Promise.allSettled([owner.end(), app.end(), ownerInFrame.end()]);
    await infrastructure.stop();
  }
}
