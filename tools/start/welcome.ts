/**
 * Once the api answers: the demonstration territory's activity (once, through the api as the demo
 * accounts), then where to go and how to sign in. A process of its own that exits when done.
 */
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_SECOND_FACTOR_SECRET, otpauthUri } from '@relais/identity';
import { processEnvironment } from '@relais/config';
import { join } from 'node:path';
import { seedDemoActivity } from '../demo/demo-activity';

const say = (line: string) => process.stdout.write(`[relais] ${line}\n`);
/** Where the launcher writes the logs: its data folder (RELAIS_DATA_DIR, .data by default). */
const LOGS = join(processEnvironment().RELAIS_DATA_DIR || '.data', 'logs');

async function welcome(url: string): Promise<void> {
  try {
    const activity = await seedDemoActivity({ url, log: say });
    say(activity.created ? 'activité de démonstration créée' : 'activité de démonstration déjà présente');
  } catch (error) {
    // Relais still runs: the territory is there, only its sample activity is missing or partial.
    say(
      `activité de démonstration non créée : ${error instanceof Error ? error.message : String(error)}` +
        ` (journal : ${join(LOGS, 'api.log')})`,
    );
  }
  const width = Math.max(...DEMO_ACCOUNTS.map((account) => account.email.length));
  process.stdout.write(
    [
      '',
      `Relais est démarré : ouvrez ${url}/ dans votre navigateur.`,
      '',
      `  Application : ${url}/`,
      `  GraphiQL   : ${url}/graphiql`,
      `  GraphQL    : ${url}/graphql`,
      `  Santé      : ${url}/health`,
      `  Journaux   : ${join(LOGS, 'api.log')}, ${join(LOGS, 'worker.log')}`,
      '',
      `Comptes du « CLSM de Démonstration » — mot de passe commun (démonstration uniquement) : ${DEMO_PASSWORD}`,
      ...DEMO_ACCOUNTS.map((account) => `  ${account.email.padEnd(width)}  ${account.label}`),
      'Pour commencer : bailleur@demo.relais.test (ses saisines et ses actions),',
      'puis coordination@demo.relais.test (séances, ordre du jour, compte rendu). Données fictives.',
      '',
      `Second facteur : tous ces comptes sauf l'auditrice donnent aussi le code à six chiffres d'une application`,
      `d'authentification (FreeOTP, Aegis, Google Authenticator…) où vous aurez ajouté le secret commun`,
      `(démonstration uniquement) ${DEMO_SECOND_FACTOR_SECRET} (saisie manuelle : TOTP, 30 s, SHA-1, 6 chiffres),`,
      `ou ce lien : ${otpauthUri(DEMO_SECOND_FACTOR_SECRET, 'demo@demo.relais.test')}`,
      '',
      'Connexion dans GraphiQL : mutation { logIn(input: { email: "coordination@demo.relais.test", password: "…", secondFactorCode: "123456" }) { accessToken } }',
      'puis l’en-tête  { "Authorization": "Bearer <accessToken>" }.   Ctrl+C pour arrêter.',
      '',
    ].join('\n'),
  );
}

welcome(process.argv[2]).then(
  () => process.exit(0),
  () => process.exit(1),
);
