/**
 * npm run lockfile:complete — after `npm install`, records in package-lock.json the platform-specific
 * optional packages (macOS, Windows… builds of swc, nx and others) that a registry mirror without
 * them leaves out. Without these entries `npm ci` refuses the lock file as out of sync; with them,
 * npm installs the build for the current platform and skips the others.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');

const file = join(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const packages = lock.packages;

function isInstalledFor(path, name) {
  // Node's lookup: the package's own node_modules, then each parent's, then the root.
  let base = path;
  for (;;) {
    if (packages[`${base ? `${base}/` : ''}node_modules/${name}`]) return true;
    if (!base) return false;
    const parent = base.lastIndexOf('/node_modules/');
    base = parent === -1 ? '' : base.slice(0, parent);
  }
}

let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(meta.optionalDependencies ?? {})) {
    if (isInstalledFor(path, name)) continue;
    packages[`node_modules/${name}`] = { version, optional: true };
    added++;
  }
}
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json : ${added} paquet(s) optionnel(s) d'autres plateformes ajouté(s).`);
