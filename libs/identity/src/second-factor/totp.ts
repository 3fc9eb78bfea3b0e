import { HOTP, Secret, TOTP } from 'otpauth';

/** What every authenticator application understands (RFC 6238 defaults): SHA-1, 6 digits, 30 s. */
const PERIOD_SECONDS = 30;
const DIGITS = 6;
const ALGORITHM = 'SHA1';
/** A code of the step before or after is accepted too: phones' clocks drift. */
const WINDOW = 1;
export const TOTP_ISSUER = 'Relais';

/** A new shared secret: 160 random bits (RFC 4226's recommended length), in base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/**
 * The enrolment link an authenticator reads. Its label is the account's e-mail address, which the
 * authenticator shows to tell accounts apart; nothing else about the person is in it.
 */
export function otpauthUri(secret: string, accountEmail: string): string {
  return new TOTP({
    issuer: TOTP_ISSUER,
    label: accountEmail,
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    period: PERIOD_SECONDS,
  }).toString();
}

/** The RFC 6238 time step of a moment. */
export function totpStepAt(at: Date): number {
  return TOTP.counter({ period: PERIOD_SECONDS, timestamp: at.getTime() });
}

export function looksLikeTotpCode(code: string): boolean {
  return new RegExp(`^\\d{${DIGITS}}$`).test(code);
}

/**
 * The step a code belongs to, among the current step and its neighbours, and only if it comes
 * after the last step accepted for this secret: a code, once used, is never accepted again.
 */
export function acceptedTotpStep(
  secret: string,
  code: string,
  at: Date,
  lastAcceptedStep: number | null,
): number | null {
  if (!looksLikeTotpCode(code)) return null;
  const current = totpStepAt(at);
  const key = Secret.fromBase32(secret);
  for (let step = current - WINDOW; step <= current + WINDOW; step++) {
    if (lastAcceptedStep !== null && step <= lastAcceptedStep) continue;
    // One counter at a time (window 0), so the step found is the one checked; compared in constant time.
    const delta = HOTP.validate({
      token: code,
      secret: key,
      algorithm: ALGORITHM,
      digits: DIGITS,
      counter: step,
      window: 0,
    });
    if (delta === 0) return step;
  }
  return null;
}

/** The code of a step: for the demonstration's and the tests' own authenticators. */
export function totpCodeAtStep(secret: string, step: number): string {
  return HOTP.generate({
    secret: Secret.fromBase32(secret),
    algorithm: ALGORITHM,
    digits: DIGITS,
    counter: step,
  });
}
