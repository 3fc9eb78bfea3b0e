import { HOTP, Secret, TOTP } from 'otpauth';

/**
 * TESTS ONLY — the authenticator secret the test factories enrol accounts with (sealed under the
 * run's own key), so that a test can sign in as any of them.
 */
export const TEST_SECOND_FACTOR_SECRET = 'KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU';

/** The RFC 6238 step (30 s) of a moment. */
export function secondFactorStep(at: Date): number {
  return TOTP.counter({ period: 30, timestamp: at.getTime() });
}

/** What an authenticator holding `secret` shows for a step (SHA-1, 6 digits). */
export function secondFactorCode(step: number, secret = TEST_SECOND_FACTOR_SECRET): string {
  return HOTP.generate({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, counter: step });
}

/** Same, from the moment: the code a person would type at `at`. */
export function secondFactorCodeAt(at: Date, secret = TEST_SECOND_FACTOR_SECRET): string {
  return secondFactorCode(secondFactorStep(at), secret);
}
