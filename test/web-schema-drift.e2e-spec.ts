import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(__dirname, '..');
const WEB = join(ROOT, 'apps/web');
const run = promisify(execFile);

/**
 * The web client's operations are typed from the committed schema.graphql through
 * apps/web/src/graphql/graphql-env.d.ts. These checks keep that chain honest: the file is what the
 * schema gives today, and a page reading a field the schema does not have fails `tsc`.
 */
describe('the web client and the schema', () => {
  let scratch: string;

  beforeAll(() => {
    mkdirSync(join(ROOT, 'tmp'), { recursive: true });
    // Inside the repository, so the web project's type packages resolve as they do for it.
    scratch = mkdtempSync(join(ROOT, 'tmp', 'web-drift-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('has the introspection file that schema.graphql gives (npx gql-tada generate output)', async () => {
    const fresh = join(scratch, 'graphql-env.d.ts');
    await run(
      process.execPath,
      [
        join(ROOT, 'node_modules/gql.tada/bin/cli.js'),
        'generate',
        'output',
        '--tsconfig',
        join(WEB, 'tsconfig.json'),
        '--output',
        fresh,
      ],
      { cwd: ROOT },
    );
    const committed = readFileSync(join(WEB, 'src/graphql/graphql-env.d.ts'), 'utf8');
    expect(readFileSync(fresh, 'utf8')).toBe(committed);
  }, 60_000);

  /**
   * One project holding both probes, checked once by each tool: a probe reading a field the schema
   * has (`known.ts`) and one reading a field it does not (`missing.ts`). Each tool reports every file's
   * errors, so what it says of one file is read apart from the other (two runs cost 8 s more).
   */
  let checked: Promise<{ tsc: string; gqlTada: string }> | undefined;
  function check(): Promise<{ tsc: string; gqlTada: string }> {
    checked ??= (async () => {
      const dir = mkdtempSync(join(scratch, 'check-'));
      const graphqlModule = join(WEB, 'src/graphql/graphql');
      const probe = (name: string, selection: string, read: string) =>
        writeFileSync(
          join(dir, `${name}.ts`),
          `import { graphql, type ResultOf } from ${JSON.stringify(graphqlModule)};\n` +
            `const Query = graphql(\`query ${name} { me { ${selection} } }\`);\n` +
            `export const read = (data: ResultOf<typeof Query>) => data.me.${read};\n`,
        );
      probe('known', 'id firstName', 'firstName.toUpperCase()');
      probe('missing', 'id champDisparu', 'champDisparu.toUpperCase()');
      writeFileSync(
        join(dir, 'tsconfig.json'),
        JSON.stringify({ extends: join(WEB, 'tsconfig.json'), include: ['known.ts', 'missing.ts'] }),
      );
      const output = async (script: string, ...args: string[]) => {
        try {
          await run(process.execPath, [join(ROOT, 'node_modules', script), ...args], { cwd: ROOT });
          return '';
        } catch (error) {
          const { stdout, stderr } = error as { stdout?: string; stderr?: string };
          return `${stdout ?? ''}${stderr ?? ''}` || String(error);
        }
      };
      return {
        tsc: await output('typescript/bin/tsc', '-p', dir),
        gqlTada: await output('gql.tada/bin/cli.js', 'check', '--tsconfig', join(dir, 'tsconfig.json')),
      };
    })();
    return checked;
  }

  it('types a field the schema has', async () => {
    const { tsc, gqlTada } = await check();
    // The missing probe's errors are there, so the tools did run: none names the known probe.
    expect(tsc).toContain('missing.ts');
    expect(tsc).not.toContain('known.ts');
    expect(gqlTada).toContain('missing.ts');
    expect(gqlTada).not.toContain('known.ts');
  }, 60_000);

  it('fails the typecheck where an operation asks for a field the schema does not have', async () => {
    const { tsc, gqlTada } = await check();
    // gql.tada types an unknown field as `unknown`: using it fails tsc…
    expect(tsc).toMatch(/missing\.ts.*champDisparu.*is of type 'unknown'/);
    // …and `gql-tada check` (part of npm run typecheck) refuses the document itself.
    expect(gqlTada).toContain('Cannot query field "champDisparu" on type "Me"');
  }, 60_000);
});
