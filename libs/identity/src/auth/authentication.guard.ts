import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { RequestException } from '@relais/graphql';
import { AuthenticationService } from './authentication.service';
import { IS_PUBLIC, requestOf } from '@relais/access';

/** Installed globally: every operation needs a live session unless marked `@Public()`. */
@Injectable()
export class AuthenticationGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authentication: AuthenticationService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const request = requestOf(context);
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : undefined;
    if (!token) throw new RequestException('NOT_AUTHENTICATED');
    request.principal = await this.authentication.authenticate(token, String(request.id));
    return true;
  }
}
