import { APP_INTERCEPTOR } from '@nestjs/core';
import { WritePositionsInterceptor } from './auth/standby-routing';
import { IdentityGraphqlModule } from './identity.module';

const installsWritePositions = (replicaUrl: string | undefined) =>
  (
    IdentityGraphqlModule.register({
      database: { url: 'postgres://api/relais', ownerUrl: undefined, replicaUrl, poolSize: 1 },
    }).providers ?? []
  ).some(
    (provider) =>
      typeof provider === 'object' &&
      'provide' in provider &&
      provider.provide === APP_INTERCEPTOR &&
      'useClass' in provider &&
      provider.useClass === WritePositionsInterceptor,
  );

describe('IdentityGraphqlModule', () => {
  // Mutations followed by reads on the standby: test/standby-reads.e2e-spec.ts.
  it('records write positions around resolvers only when a standby may serve reads', () => {
    expect(installsWritePositions('postgres://standby/relais')).toBe(true);
    expect(installsWritePositions(undefined)).toBe(false);
  });
});
