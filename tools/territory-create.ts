/**
 * npm run territory:create -- --name "CLSM de …" --admin-email admin@… [--admin-name "Prénom Nom"]
 *                              [--organisation "Ville de …"]
 * Creates a territory, its complex-situation cell and its first administrator, and prints that
 * administrator's one-time set-password link (PUBLIC_URL/definir-mot-de-passe#jeton=…) on stdout,
 * the only place it is written. Run again with the same name and address, it creates nothing and
 * prints a fresh link while the administrator has not set a password. Connects as the schema owner
 * (DATABASE_OWNER_URL, or the embedded Postgres `npm start` runs).
 */
import 'reflect-metadata';
import { AuditChainKeyring, AuditService } from '@relais/audit';
import { loadConfigOrExit, SystemClock } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { SetPasswordLinks } from '@relais/identity';
import { createRelaisDataSource } from '@relais/persistence';
import { isEmail } from 'class-validator';
import { parseArgs } from 'node:util';
import { assertSchemaOwner } from './operations/schema-owner';
import { commandEnvironment, EXIT, runCommand, UsageError } from './operations/command';
import {
  bootstrapTerritory,
  CELL_NAME,
  TerritoryOutcome,
  TerritoryRequest,
} from './operations/territory-bootstrap';

const USAGE =
  'Usage : npm run territory:create -- --name "CLSM de …" --admin-email adresse@… ' +
  '[--admin-name "Prénom Nom"] [--organisation "Ville de …"]';
const PARIS = new Intl.DateTimeFormat('fr-FR', {
  timeZone: 'Europe/Paris',
  dateStyle: 'full',
  timeStyle: 'short',
});

/** Reads and checks the options before anything connects: a typing mistake costs nothing. */
function territoryRequestOf(args: readonly string[]): TerritoryRequest {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        name: { type: 'string' },
        'admin-email': { type: 'string' },
        'admin-name': { type: 'string' },
        organisation: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const option = /'(-[^']+)'/.exec((error as Error).message)?.[1];
    throw new UsageError(
      option ? `Option inconnue ou sans valeur : ${option}.` : 'Options illisibles.',
      USAGE,
    );
  }
  const text = (key: string) =>
    typeof values[key] === 'string' ? values[key].replace(/\s+/g, ' ').trim() : undefined;
  const name = text('name');
  if (!name) throw new UsageError('Le nom du territoire est obligatoire (--name).', USAGE);
  if (name.length < 3 || name.length > 200)
    throw new UsageError('Le nom du territoire doit contenir entre 3 et 200 caractères.', USAGE);
  const email = text('admin-email')?.toLowerCase();
  if (!email)
    throw new UsageError("L'adresse de l'administrateur·rice est obligatoire (--admin-email).", USAGE);
  if (!isEmail(email) || email.length > 254)
    throw new UsageError(`L'adresse e-mail « ${email} » n'est pas valide.`, USAGE);
  const adminName = text('admin-name');
  let firstName = 'Administrateur·rice';
  let lastName = 'du territoire';
  if (adminName !== undefined) {
    const at = adminName.indexOf(' ');
    if (at < 0) throw new UsageError('Donnez le prénom et le nom : --admin-name "Prénom Nom".', USAGE);
    firstName = adminName.slice(0, at);
    lastName = adminName.slice(at + 1);
    if (firstName.length > 100 || lastName.length > 100)
      throw new UsageError('Le prénom et le nom contiennent chacun 100 caractères au plus.', USAGE);
  }
  const organisationName = text('organisation') ?? name;
  if (organisationName.length < 2 || organisationName.length > 200)
    throw new UsageError("Le nom de l'organisation doit contenir entre 2 et 200 caractères.", USAGE);
  return { name, adminEmail: email, adminFirstName: firstName, adminLastName: lastName, organisationName };
}

async function main(args: readonly string[]): Promise<number> {
  const request = territoryRequestOf(args);
  const config = loadConfigOrExit(await commandEnvironment({ postgres: 'owner' }));
  if (!config.http.publicUrl)
    process.stderr.write(
      `PUBLIC_URL n'est pas définie : le lien donne l'adresse de l'api (http://${config.http.host}:${config.http.port}).\n`,
    );
  const ownerUrl = config.database.ownerUrl ?? config.database.url;
  await assertSchemaOwner(ownerUrl, 'relais-territory-create', 'la création d’un territoire');
  const dataSource = await createRelaisDataSource(
    { ...config.database, url: ownerUrl, poolSize: 1 },
    'relais-territory-create',
  ).initialize();
  try {
    const clock = new SystemClock();
    const outcome = await bootstrapTerritory(
      dataSource,
      {
        clock,
        links: new SetPasswordLinks(config, clock, new ScopedDatabase(dataSource)),
        audit: new AuditService(clock, new AuditChainKeyring(config.audit.chainKeys)),
      },
      request,
    );
    for (const line of describe(outcome)) console.log(line);
    return EXIT.OK;
  } finally {
    await dataSource.destroy();
  }
}

function describe(outcome: TerritoryOutcome): string[] {
  const { territory, administrator, link } = outcome;
  const lines =
    outcome.kind === 'created'
      ? [
          `Territoire « ${territory.name} » créé (identifiant ${territory.id}).`,
          `Cellule : ${CELL_NAME}.`,
          `Organisation de l'administrateur·rice : ${outcome.organisation.name}.`,
          `Administrateur·rice : ${administrator.email} (rôle TERRITORY_ADMIN).`,
        ]
      : [
          `Le territoire « ${territory.name} » existe déjà (identifiant ${territory.id}), ` +
            `avec ${administrator.email} pour administrateur·rice : rien n'est créé.`,
        ];
  if (!link) {
    lines.push(
      `${administrator.email} a déjà choisi son mot de passe : aucun lien n'est émis. ` +
        `Un mot de passe oublié se réinitialise depuis l'application par un·e autre administrateur·rice.`,
    );
    return lines;
  }
  if (outcome.kind === 'exists')
    lines.push(
      `${administrator.email} n'a pas encore choisi de mot de passe : voici un nouveau lien ; le précédent ne fonctionne plus.`,
    );
  lines.push(
    `Lien pour définir le mot de passe (usage unique, valable jusqu'au ${PARIS.format(link.expiresAt)}, heure de Paris) :`,
    link.link,
    'Transmettez-le à la personne par un canal sûr : il n’est écrit nulle part ailleurs. ' +
      'À sa première connexion, Relais lui fera enregistrer une application d’authentification (second facteur).',
  );
  return lines;
}

runCommand(() => main(process.argv.slice(2)));
