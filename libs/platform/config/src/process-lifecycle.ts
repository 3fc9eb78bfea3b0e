/**
 * Closes the application on SIGTERM or SIGINT — HTTP stops accepting, running jobs finish, pools
 * close — then exits with 0, or 1 if closing failed or took longer than `timeoutMs`.
 */
export function closeOnSignals(
  app: { close(): Promise<void> },
  onError: (error: unknown) => void,
  timeoutMs = 30_000,
): void {
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    const timer = setTimeout(() => process.exit(1), timeoutMs);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        onError(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', close);
  process.once('SIGINT', close);
}
