import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { APP_CONFIG, AppConfig, Clock } from '@relais/config';
import { createHash, createSecretKey, randomBytes } from 'node:crypto';

export interface AccessClaims {
  sub: string;
  sid: string;
}

@Injectable()
export class TokenService {
  private readonly jwt: JwtService;

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
    try {
      const claims = this.jwt.verify<AccessClaims & { iat: number }>(token, {
        algorithms: ['HS256'],
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
      return typeof claims.sub === 'string' && typeof claims.sid === 'string'
        ? { sub: claims.sub, sid: claims.sid }
        : null;
    } catch {
      return null;
    }
  }

  newRefreshToken(): { token: string; hash: string } {
    const token = randomBytes(32).toString('base64url');
    return { token, hash: TokenService.hashRefreshToken(token) };
  }

  static hashRefreshToken(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }
}
