/**
 * npm run backup [-- --output <dossier>]
 * Saves the whole database with pg_dump's custom format (-Fc, for pg_restore) into
 * backups/relais-YYYY-MM-DDTHH-MM-SSZ.dump (UTC), or the folder given, readable by its owner only.
 * Connects as the schema owner (DATABASE_OWNER_URL, or DATABASE_URL alone, or the embedded Postgres
 * `npm start` runs): the application role reads only the territories of its transaction, under
 * row-level security, and pg_dump refuses a table whose rows a policy would hide.
 * The audit chain's keys and checkpoints live outside the database: they are saved apart.
 */
import { loadDatabaseConfig, processEnvironment } from '@relais/config';
import { spawn } from 'node:child_process';
import { chmodSync, closeSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { commandEnvironment, CommandError, EXIT, runCommand, UsageError } from './operations/command';
import { chooseProgram, findPrograms, libpqEnvironment } from './operations/pg-dump';
import { assertSchemaOwner } from './operations/schema-owner';

const USAGE = 'Usage : npm run backup [-- --output <dossier>]';

async function main(args: readonly string[]): Promise<number> {
  const directory = outputDirectory(args);
  const database = loadDatabaseConfig(await commandEnvironment({ postgres: 'owner' }));
  const url = database.ownerUrl ?? database.url;
  const server = await assertSchemaOwner(url, 'relais-backup', 'la sauvegarde');
  const choice = chooseProgram(await findPrograms('pg_dump'), server.major);
  if ('problem' in choice) throw new CommandError(choice.problem, EXIT.UNAVAILABLE);

  // Nothing the dump holds may be readable by another account, even while it is written.
  process.umask(0o077);
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const file = join(directory, `relais-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}Z.dump`);
  const partial = `${file}.partiel`;
  closeSync(openSync(partial, 'wx', 0o600));
  try {
    await runPgDump(choice.program.path, partial, libpqEnvironment(url));
    chmodSync(partial, 0o600);
    renameSync(partial, file);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
  console.log(
    `Sauvegarde écrite : ${file} (${humanSize(statSync(file).size)}, pg_dump ${choice.program.version}, ` +
      `serveur Postgres ${server.major}).`,
  );
  console.log(
    `Restauration : createdb <nouvelle base> puis pg_restore --exit-on-error -d <nouvelle base> ${file}`,
  );
  return EXIT.OK;
}

function outputDirectory(args: readonly string[]): string {
  try {
    const { values } = parseArgs({
      args: [...args],
      options: { output: { type: 'string', short: 'o' } },
      strict: true,
      allowPositionals: false,
    });
    if (values.output !== undefined && !values.output.trim())
      throw new UsageError('--output attend un dossier.', USAGE);
    return resolve(values.output ?? 'backups');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const option = /'(-[^']+)'/.exec((error as Error).message)?.[1];
    throw new UsageError(
      option ? `Option inconnue ou sans valeur : ${option}.` : 'Options illisibles.',
      USAGE,
    );
  }
}

function runPgDump(program: string, file: string, connection: Record<string, string>): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(program, ['--format=custom', '--no-password', `--file=${file}`], {
      env: { ...processEnvironment(), ...connection, PGAPPNAME: 'relais-backup' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', (error) =>
      fail(new CommandError(`pg_dump n'a pas pu être lancé (${error.message}).`, EXIT.UNAVAILABLE)),
    );
    child.once('exit', (code, signal) => {
      if (code === 0) return done();
      fail(
        new CommandError(
          `pg_dump a échoué (${signal ?? `code ${code}`}) ; aucune sauvegarde n'est écrite.\n${errors.trim()}`,
          EXIT.FAILURE,
        ),
      );
    });
  });
}

function humanSize(bytes: number): string {
  const format = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
  const units = ['o', 'ko', 'Mo', 'Go', 'To'];
  let size = bytes;
  let unit = 0;
  while (size >= 1024 && unit < units.length - 1) {
    size /= 1024;
    unit += 1;
  }
  return `${format.format(size)} ${units[unit]}`;
}

runCommand(() => main(process.argv.slice(2)));
