import { acceptedTotpStep, newTotpSecret, otpauthUri, totpCodeAtStep, totpStepAt } from './totp';
import { hashRecoveryCode, looksLikeRecoveryCode, newRecoveryCodes } from './recovery-codes';

describe('TOTP (RFC 6238)', () => {
  it('gives the RFC 6238 reference code (SHA-1, 59 s → 94287082 truncated to 6 digits)', () => {
    // Appendix B's secret is the ASCII "12345678901234567890"; its 8-digit code at T=59 s is 94287082.
    const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
    expect(totpCodeAtStep(secret, totpStepAt(new Date(59_000)))).toBe('287082');
  });

  it('accepts the current step and its neighbours, not two steps away', () => {
    const secret = newTotpSecret();
    const now = new Date('2026-03-02T10:00:10Z');
    const step = totpStepAt(now);
    expect(acceptedTotpStep(secret, totpCodeAtStep(secret, step), now, null)).toBe(step);
    expect(acceptedTotpStep(secret, totpCodeAtStep(secret, step - 1), now, null)).toBe(step - 1);
    expect(acceptedTotpStep(secret, totpCodeAtStep(secret, step + 1), now, null)).toBe(step + 1);
    expect(acceptedTotpStep(secret, totpCodeAtStep(secret, step + 2), now, null)).toBeNull();
    expect(acceptedTotpStep(secret, totpCodeAtStep(secret, step - 2), now, null)).toBeNull();
    expect(acceptedTotpStep(secret, 'abcdef', now, null)).toBeNull();
  });

  it('never accepts a step already used, nor an earlier one', () => {
    const secret = newTotpSecret();
    const now = new Date('2026-03-02T10:00:10Z');
    const step = totpStepAt(now);
    expect(acceptedTotpStep(secret, totpCodeAtStep(secret, step), now, step)).toBeNull();
    expect(acceptedTotpStep(secret, totpCodeAtStep(secret, step - 1), now, step)).toBeNull();
    expect(acceptedTotpStep(secret, totpCodeAtStep(secret, step + 1), now, step)).toBe(step + 1);
  });

  it('writes an otpauth link for the issuer Relais, labelled with the e-mail only', () => {
    const uri = new URL(otpauthUri('JBSWY3DPEHPK3PXP', 'claire@demo.relais.test'));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.host).toBe('totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Relais:claire@demo.relais.test');
    expect(uri.searchParams.get('issuer')).toBe('Relais');
    expect(uri.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
  });
});

describe('recovery codes', () => {
  it('makes ten distinct codes, recognised however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const typed = codes[0].toLowerCase().replace(/-/g, ' ');
    expect(looksLikeRecoveryCode(typed)).toBe(true);
    expect(hashRecoveryCode(typed)).toBe(hashRecoveryCode(codes[0]));
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});
