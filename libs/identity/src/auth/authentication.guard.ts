import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ReadPositions } from '@relais/database';
import { RequestException } from '@relais/graphql';
import { AuthenticationService } from './authentication.service';
import { presentedAccessToken } from './browser-session';
import { readsOnly } from './standby-routing';
import { IS_PUBLIC, requestOf } from '@relais/access';

/** Installed globally: every operation needs a live session unless marked `@Public()`. */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authentication: AuthenticationService,
    private readonly positions: ReadPositions,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = requestOf(context);
    // The bearer header, or the browser's session cookie together with the web client's header.
    const presented = presentedAccessToken(request);
    if (!presented?.token) throw new RequestException('NOT_AUTHENTICATED');
    const principal = await this.authentication.authenticate(presented.token, String(request.id));
    if (readsOnly(context))
      principal.standbyReads = this.positions.readsFor(principal.sessionId, principal.territoryIds);
    request.principal = principal;
    return true;
  }
}
