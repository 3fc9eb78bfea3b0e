/**
 * The only module that reads the process environment. Everything else receives the validated
 * configuration (see `loadConfig`), so a missing variable is found at boot, not at first use.
 */
export type Environment = Readonly<Record<string, string | undefined>>;

export function processEnvironment(): Environment {
  return process.env;
}

/**
 * Hands values to child processes and Jest workers, which read them back through `loadConfig`.
 * Used only by the launcher and the test harness.
 */
export function exportToEnvironment(values: Record<string, string>): void {
  Object.assign(process.env, values);
}
