import { fileURLToPath } from 'node:url';

/** One secret of the audit chain, named by an id the events keep (the secret never leaves memory). */
export interface AuditChainKeyConfig {
  readonly id: string;
  readonly secret: Buffer;
}

export const AUDIT_CHAIN_KEY_MIN_BYTES = 32;

const KEY_ID = /^[A-Za-z0-9._-]{1,40}$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

export type AuditChainKeysParse =
  | { readonly keys: readonly AuditChainKeyConfig[]; readonly problem?: undefined }
  | { readonly keys?: undefined; readonly problem: string };

/**
 * `id1:base64,id0:base64` — the first key signs new links and checkpoints, the others are kept to
 * verify what they signed. Problems are told without repeating any part of a secret.
 */
export function parseAuditChainKeys(text: string): AuditChainKeysParse {
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!entries.length)
    return { problem: 'au moins une clé attendue, sous la forme identifiant:clé-en-base64' };
  const keys: AuditChainKeyConfig[] = [];
  for (const [index, entry] of entries.entries()) {
    const rank = `clé n° ${index + 1}`;
    const at = entry.indexOf(':');
    if (at < 0) return { problem: `${rank} : la forme attendue est identifiant:clé-en-base64` };
    const id = entry.slice(0, at);
    const encoded = entry.slice(at + 1);
    if (!KEY_ID.test(id))
      return {
        problem: `${rank} : l'identifiant doit compter 1 à 40 caractères parmi lettres, chiffres, « . », « _ » et « - »`,
      };
    if (keys.some((key) => key.id === id))
      return { problem: `l'identifiant de clé « ${id} » apparaît deux fois` };
    if (!BASE64.test(encoded)) return { problem: `clé « ${id} » : elle doit être écrite en base64` };
    // Node's base64 decoder also reads the URL-safe alphabet.
    const secret = Buffer.from(encoded, 'base64');
    if (secret.length < AUDIT_CHAIN_KEY_MIN_BYTES)
      return {
        problem: `clé « ${id} » : ${AUDIT_CHAIN_KEY_MIN_BYTES} octets au moins sont attendus (${secret.length} reçus ; \`openssl rand -base64 32\`)`,
      };
    keys.push({ id, secret });
  }
  return { keys };
}

/** `file:///absolute/path` → the path; anything else (another scheme, a host, a relative path) → undefined. */
export function checkpointDirectoryOf(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'file:' || parsed.host) return undefined;
  return fileURLToPath(parsed);
}
