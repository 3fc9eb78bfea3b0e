import { Module } from '@nestjs/common';
import { registerPolicy } from '@relais/access';
import { APP_GUARD } from '@nestjs/core';
import { IdentityAdminResolver } from './admin/identity-admin.resolver';
import { IdentityAdminService } from './admin/identity-admin.service';
import { AuthenticationGuard } from './auth/authentication.guard';
import { AuthenticationResolver } from './auth/authentication.resolver';
import { AuthenticationService } from './auth/authentication.service';
import { PasswordHasher } from './auth/password-hasher';
import { TokenService } from './auth/token.service';
import { CharterResolver } from './charters/charter.resolver';
import { CharterService } from './charters/charter.service';
import { identityPolicy } from './identity.policy';
import { ProfileResolver } from './profile.resolver';
import { ProfileService } from './profile.service';

registerPolicy(identityPolicy);

/** Identity's services, for any process (the worker purges sessions with them). */
@Module({
  providers: [
    PasswordHasher,
    TokenService,
    AuthenticationService,
    IdentityAdminService,
    ProfileService,
    CharterService,
  ],
  exports: [PasswordHasher, AuthenticationService, IdentityAdminService, ProfileService, CharterService],
})
export class IdentityModule {}

/** The GraphQL face of identity, and the guard that makes every operation need a session. */
@Module({
  imports: [IdentityModule],
  providers: [
    AuthenticationResolver,
    ProfileResolver,
    IdentityAdminResolver,
    CharterResolver,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
})
export class IdentityGraphqlModule {}
