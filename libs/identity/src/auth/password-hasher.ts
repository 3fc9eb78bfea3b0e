import { Algorithm, hash, verify } from '@node-rs/argon2';
import { Injectable } from '@nestjs/common';

/** OWASP's argon2id baseline: 19 MiB, two passes, one lane. */
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * Passwords are hashed and checked in their NFC form, so the same characters typed on another
 * keyboard or system (a precomposed or a decomposed « é ») give the same password.
 */
@Injectable()
export class PasswordHasher {
  /** Verified against when the e-mail is unknown, so both paths take the same time. */
  private readonly decoy = hash('relais-decoy-password-never-issued', OPTIONS);

  hash(password: string): Promise<string> {
    return hash(password.normalize('NFC'), OPTIONS);
  }

  /** Checks a password against an account's hash: the one costly step sign-in counts and bounds. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    return safeVerify(passwordHash, password);
  }

  /** Spends what `verify` costs without checking anything (apart from `verify`, so it is not counted). */
  async burnTime(password: string): Promise<void> {
    await safeVerify(await this.decoy, password);
  }
}

async function safeVerify(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}
