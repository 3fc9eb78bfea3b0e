import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'relais:isPublic';

/** Marks an operation reachable without a session, on purpose (login, refresh). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
