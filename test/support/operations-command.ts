import { Environment, processEnvironment } from '@relais/config';
import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';

const ROOT = resolve(__dirname, '../..');

export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `tools/<script>` as an operator would (`npm run …` runs the same line), with this run's
 * variables (its database, Redis prefix and secrets) and no local state of `npm start` to fall
 * back on: what the command uses is what the test gives it.
 */
export function runOperationsCommand(
  script: string,
  args: readonly string[],
  environment: Environment = {},
): Promise<CommandRun> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', join('tools', script), ...args],
      {
        cwd: ROOT,
        env: {
          ...processEnvironment(),
          RELAIS_DATA_DIR: join(tmpdir(), 'relais-no-local-state'),
          ...environment,
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}
