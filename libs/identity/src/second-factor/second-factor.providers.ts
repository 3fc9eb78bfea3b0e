import { Provider } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relais/config';
import { SecondFactorAdminService } from './second-factor-admin.service';
import { SecondFactorService } from './second-factor.service';
import { SecretBox } from './secret-box';

/** The second factor's services, for identity's module. */
export const SECOND_FACTOR_PROVIDERS: Provider[] = [
  {
    provide: SecretBox,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) =>
      new SecretBox(config.secondFactor.key, config.secondFactor.previousKeys),
  },
  SecondFactorService,
  SecondFactorAdminService,
];
