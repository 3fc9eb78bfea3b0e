import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A short public name for a key, stored beside what it sealed, so a rotation knows which to use. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('relais-second-factor-key').update(key).digest('hex').slice(0, 8);
}

/**
 * Seals second-factor secrets with AES-256-GCM under a key the database does not hold. Each sealed
 * value is bound to its owner (the additional data), so a database owner cannot move a secret known
 * to them onto someone else's account. Former keys still open what they sealed, until it is sealed
 * again under the current key.
 */
export class SecretBox {
  private readonly currentId: string;
  private readonly keys: Map<string, Buffer>;

  constructor(current: Buffer, previous: readonly Buffer[] = []) {
    if (current.length !== 32) throw new Error('La clé du second facteur doit faire 32 octets.');
    this.currentId = keyIdOf(current);
    this.keys = new Map([...previous, current].map((key) => [keyIdOf(key), key]));
  }

  seal(plaintext: string, owner: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, iv);
    cipher.setAAD(Buffer.from(owner, 'utf8'));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
    return [VERSION, this.currentId, iv.toString('base64url'), body.toString('base64url')].join('.');
  }

  /** The plaintext, or null when the value was altered, sealed for another owner or under an unknown key. */
  open(sealed: string, owner: string): string | null {
    const [version, keyId, ivText, bodyText] = sealed.split('.');
    const key = this.keys.get(keyId ?? '');
    if (version !== VERSION || !key || !ivText || !bodyText) return null;
    const body = Buffer.from(bodyText, 'base64url');
    if (body.length <= TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(ivText, 'base64url'));
      decipher.setAAD(Buffer.from(owner, 'utf8'));
      decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
      return Buffer.concat([
        decipher.update(body.subarray(0, body.length - TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      return null;
    }
  }

  /** Sealed under a former key: to be sealed again under the current one. */
  isStale(sealed: string): boolean {
    return sealed.split('.')[1] !== this.currentId;
  }
}
