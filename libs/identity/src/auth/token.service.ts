import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig, Clock } from '@relais/config';
import { createHash, createSecretKey, randomBytes } from 'node:crypto';

export interface AccessClaims {
  sub: string;
  sid: string;
}

/** Access tokens whose signature was checked, kept while they last: about one per person signed in. */
export const VERIFIED_TOKENS_KEPT = 2000;

@Injectable()
export class TokenService {
  private readonly jwt: JwtService;
  /**
   * Tokens already verified, with their claims and expiry (seconds): a token is sent with every
   * request of its quarter of an hour, and its signature and claims do not change. Only tokens
   * that verified are kept, so a forged one costs a verification every time and takes no room.
   */
  private readonly verified = new Map<string, { claims: AccessClaims; expiresAt: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {
    // A key object made once: given the text, jsonwebtoken would make one on every sign and verify.
    // Its bytes are the text's UTF-8, as before, so tokens already issued stay valid.
    const secret = createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8'));
    this.jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256' } });
  }

  issueAccessToken(claims: AccessClaims): { token: string; expiresAt: Date } {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const ttl = this.config.auth.accessTokenTtlSeconds;
    const token = this.jwt.sign({ ...claims, iat: issuedAt }, { expiresIn: ttl });
    return { token, expiresAt: new Date((issuedAt + ttl) * 1000) };
  }

  /** Returns the claims, or null for anything forged, malformed or expired. */
  readAccessToken(token: string): AccessClaims | null {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    const known = this.verified.get(token);
    // Expired as jsonwebtoken says it: from the second of its `exp` on.
    if (known) return now < known.expiresAt ? known.claims : null;
    try {
      const payload = this.jwt.verify<AccessClaims & { iat: number; exp: number }>(token, {
        algorithms: ['HS256'],
        clockTimestamp: now,
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') return null;
      const claims = { sub: payload.sub, sid: payload.sid };
      if (typeof payload.exp === 'number') this.remember(token, claims, payload.exp);
      return claims;
    } catch {
      return null;
    }
  }

  private remember(token: string, claims: AccessClaims, expiresAt: number): void {
    // The oldest verified first out (a Map keeps the order of insertion).
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) {
      this.verified.delete(this.verified.keys().next().value!);
    }
    this.verified.set(token, { claims, expiresAt });
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hashRefreshToken(token) };
  }

  static hashRefreshToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
