// @ts-check
/**
 * Preloaded (`node -r`) into the processes `npm start` runs in process groups of their own, out of
 * reach of the terminal. Their stdin is a pipe from the launcher, which never writes to it: when it
 * closes, the launcher is gone without having stopped them (killed with SIGKILL), and the process
 * stops as if asked (SIGTERM: the api and the worker close gracefully) rather than run unattended.
 */
const process = require('node:process');

const stop = () => process.kill(process.pid, 'SIGTERM');
process.stdin.once('end', stop);
process.stdin.once('error', stop);
process.stdin.resume();
// Watching must not keep alive a process that is done.
/** @type {{ unref?: () => void }} */ (/** @type {unknown} */ (process.stdin)).unref?.();
