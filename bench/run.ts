/**
 * `npm run bench [nom…]`: runs each benchmark of this folder in turn (or those named) and prints
 * its figures. Figures, not assertions: read ratios measured within one run.
 */
import { readdirSync } from 'node:fs';
import { basename } from 'node:path';

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const benches = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.ts'))
    .map((file) => basename(file, '.bench.ts'))
    .filter((name) => !wanted.length || wanted.includes(name));
  for (const name of benches) {
    process.stdout.write(`\n== ${name} ==\n`);
    const bench = (await import(`./${name}.bench`)) as { run(): Promise<void> };
    await bench.run();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
