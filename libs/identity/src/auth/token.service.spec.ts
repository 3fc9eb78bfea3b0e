import { AppConfig, Clock } from '@relais/config';
import jsonwebtoken from 'jsonwebtoken';
import { KeyObject } from 'node:crypto';
import { TokenService, VERIFIED_TOKENS_KEPT } from './token.service';

const SECRET = 'un secret de test assez long pour HS256, é compris';
const NOW = new Date('2026-03-02T10:00:00Z');
const claims = { sub: '6f0c1a9e-4a47-4b8e-9a52-0d7f3c1b2a10', sid: '0b8e2f4c-1d3a-4e5f-8a6b-7c9d0e1f2a3b' };

function service(secret = SECRET, clock: Clock = { now: () => NOW }): TokenService {
  const config = { auth: { jwtSecret: secret, accessTokenTtlSeconds: 900 } } as AppConfig;
  return new TokenService(config, clock);
}

const iat = Math.floor(NOW.getTime() / 1000);

describe('TokenService', () => {
  afterEach(() => jest.restoreAllMocks());

  it('verifies with a key object made once, not with the text', () => {
    const verify = jest.spyOn(jsonwebtoken, 'verify');
    const tokens = service();
    const keys = [claims, { ...claims, sid: 'une autre session' }].map((sessionClaims) => {
      const { token } = tokens.issueAccessToken(sessionClaims);
      expect(tokens.readAccessToken(token)).toEqual(sessionClaims);
      return verify.mock.calls.at(-1)![1];
    });
    expect(keys[0]).toBeInstanceOf(KeyObject);
    expect(keys[1]).toBe(keys[0]);
  });

  it('verifies a token once, then reads it from memory until it expires, and then refuses it', () => {
    let now = NOW;
    const tokens = service(SECRET, { now: () => now });
    const verify = jest.spyOn(jsonwebtoken, 'verify');
    const { token, expiresAt } = tokens.issueAccessToken(claims);
    for (let request = 0; request < 5; request += 1) expect(tokens.readAccessToken(token)).toEqual(claims);
    expect(verify).toHaveBeenCalledTimes(1);
    now = new Date(expiresAt.getTime() - 1000);
    expect(tokens.readAccessToken(token)).toEqual(claims);
    now = expiresAt;
    expect(tokens.readAccessToken(token)).toBeNull();
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('keeps only tokens that verified, and a bounded number of them', () => {
    const tokens = service();
    const verify = jest.spyOn(jsonwebtoken, 'verify');
    const forged = service('un autre secret, tout aussi long que le premier').issueAccessToken(claims).token;
    expect(tokens.readAccessToken(forged)).toBeNull();
    expect(tokens.readAccessToken(forged)).toBeNull();
    expect(verify).toHaveBeenCalledTimes(2);

    const first = tokens.issueAccessToken(claims).token;
    tokens.readAccessToken(first);
    for (let other = 0; other < VERIFIED_TOKENS_KEPT; other += 1)
      tokens.readAccessToken(tokens.issueAccessToken({ ...claims, sid: `session ${other}` }).token);
    verify.mockClear();
    // The first one was let go to make room: it is verified again (and still valid).
    expect(tokens.readAccessToken(first)).toEqual(claims);
    expect(verify).toHaveBeenCalledTimes(1);
  });

  it('accepts tokens signed with the secret as text (issued before), and issues tokens that verify so', () => {
    const before = jsonwebtoken.sign({ ...claims, iat }, SECRET, { algorithm: 'HS256', expiresIn: 900 });
    expect(service().readAccessToken(before)).toEqual(claims);
    const after = service().issueAccessToken(claims).token;
    expect(jsonwebtoken.verify(after, SECRET, { algorithms: ['HS256'], clockTimestamp: iat })).toMatchObject(
      claims,
    );
  });

  it('refuses a token signed with another secret, altered, unsigned or expired', () => {
    const tokens = service();
    const other = service('un autre secret, tout aussi long que le premier').issueAccessToken(claims).token;
    expect(tokens.readAccessToken(other)).toBeNull();

    const [header, , signature] = tokens.issueAccessToken(claims).token.split('.');
    const altered = Buffer.from(JSON.stringify({ ...claims, sub: 'quelqu’un d’autre', iat })).toString(
      'base64url',
    );
    expect(tokens.readAccessToken(`${header}.${altered}.${signature}`)).toBeNull();

    const unsigned = jsonwebtoken.sign({ ...claims, iat }, '', { algorithm: 'none' });
    expect(tokens.readAccessToken(unsigned)).toBeNull();

    const expired = jsonwebtoken.sign({ ...claims, iat: iat - 1000 }, SECRET, {
      algorithm: 'HS256',
      expiresIn: 900,
    });
    expect(tokens.readAccessToken(expired)).toBeNull();
  });
});
