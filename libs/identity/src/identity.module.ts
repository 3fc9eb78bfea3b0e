import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@relais/config';
import { registerPolicy } from '@relais/access';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { IdentityAdminResolver } from './admin/identity-admin.resolver';
import { IdentityAdminService } from './admin/identity-admin.service';
import { PasswordResetService } from './admin/password-reset.service';
import { TerritorySettingsResolver } from './admin/territory-settings.resolver';
import { TerritorySettingsService } from './admin/territory-settings.service';
import { AuthenticationGuard } from './auth/authentication.guard';
import { AuthenticationResolver } from './auth/authentication.resolver';
import { AuthenticationService } from './auth/authentication.service';
import { LoginAttempts } from './auth/login-attempts';
import { PasswordHasher } from './auth/password-hasher';
import { PasswordResolver } from './auth/password.resolver';
import { PasswordService } from './auth/password.service';
import { SetPasswordLinks } from './auth/set-password-links';
import { TokenService } from './auth/token.service';
import { WritePositionsInterceptor } from './auth/standby-routing';
import { CharterResolver } from './charters/charter.resolver';
import { CharterService } from './charters/charter.service';
import { identityPolicy } from './identity.policy';
import { ProfileResolver } from './profile.resolver';
import { ProfileService } from './profile.service';
import { SECOND_FACTOR_PROVIDERS } from './second-factor/second-factor.providers';
import { secondFactorPolicy } from './second-factor/second-factor.policy';
import { SecondFactorResolver } from './second-factor/second-factor.resolver';
import { SecondFactorAdminService } from './second-factor/second-factor-admin.service';
import { SecondFactorService } from './second-factor/second-factor.service';

registerPolicy(identityPolicy);
registerPolicy(secondFactorPolicy);

/** Identity's services, for any process (the worker purges sessions with them). */
@Module({
  providers: [
    PasswordHasher,
    TokenService,
    LoginAttempts,
    SetPasswordLinks,
    PasswordService,
    AuthenticationService,
    IdentityAdminService,
    PasswordResetService,
    ProfileService,
    CharterService,
    TerritorySettingsService,
    ...SECOND_FACTOR_PROVIDERS,
  ],
  exports: [
    PasswordHasher,
    LoginAttempts,
    SetPasswordLinks,
    PasswordService,
    AuthenticationService,
    IdentityAdminService,
    PasswordResetService,
    ProfileService,
    CharterService,
    TerritorySettingsService,
    SecondFactorService,
    SecondFactorAdminService,
  ],
})
export class IdentityModule {}

/** The GraphQL face of identity, and the guard that makes every operation need a session. */
@Module({
  imports: [IdentityModule],
  providers: [
    AuthenticationResolver,
    PasswordResolver,
    ProfileResolver,
    IdentityAdminResolver,
    TerritorySettingsResolver,
    CharterResolver,
    SecondFactorResolver,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
})
export class IdentityGraphqlModule {
  /**
   * With a standby (`replicaUrl`), each mutation leaves the primary's position for the reads that
   * follow it (`WritePositionsInterceptor`). Without one nothing is read there: the interceptor,
   * a layer around every resolver, is not installed.
   */
  static register(config: Pick<AppConfig, 'database'>): DynamicModule {
    return {
      module: IdentityGraphqlModule,
      providers: config.database.replicaUrl
        ? [{ provide: APP_INTERCEPTOR, useClass: WritePositionsInterceptor }]
        : [],
    };
  }
}
