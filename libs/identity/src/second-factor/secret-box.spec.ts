import { randomBytes } from 'node:crypto';
import { SecretBox } from './secret-box';

describe('SecretBox', () => {
  const key = randomBytes(32);
  const box = new SecretBox(key);

  it('opens what it sealed for the same owner, and the sealed text does not show the secret', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'user-1');
    expect(sealed).not.toContain('JBSWY3DPEHPK3PXP');
    expect(box.open(sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXP', 'user-1')).not.toBe(sealed);
  });

  it('refuses a value moved to another owner, altered, or sealed under an unknown key', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'user-1');
    expect(box.open(sealed, 'user-2')).toBeNull();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    expect(box.open([...parts.slice(0, 3), body.toString('base64url')].join('.'), 'user-1')).toBeNull();
    expect(new SecretBox(randomBytes(32)).open(sealed, 'user-1')).toBeNull();
    expect(box.open('v1.garbage', 'user-1')).toBeNull();
  });

  it('after a rotation, still opens what the former key sealed and says it is stale', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXP', 'user-1');
    const rotated = new SecretBox(randomBytes(32), [key]);
    expect(rotated.open(sealed, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
    expect(rotated.isStale(sealed)).toBe(true);
    expect(rotated.isStale(rotated.seal('x', 'user-1'))).toBe(false);
  });
});
