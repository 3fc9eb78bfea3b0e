import { Injectable } from '@nestjs/common';
import { AccessException, AccessService, asSubject, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { ScopedDatabase } from '@relais/database';
import { EntityManager } from 'typeorm';
import { withDefaultSettings } from '../domain/territory-settings';
import { Territory } from '../entities';
import { IdentityException } from '../identity.exception';

/** What the activity report needs of its territory: its name and the small-count threshold. */
export interface ReportingTerritory {
  name: string;
  smallCountThreshold: number;
}

/** The territory's settings that the administrator changes and other contexts read. */
@Injectable()
export class TerritorySettingsService {
  constructor(
    private readonly database: ScopedDatabase,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {}

  /** The administrator sets the small-count threshold of the activity reports (bounds checked by the input). */
  async setSmallCountThreshold(
    actor: Principal,
    input: { territoryId: string; threshold: number },
  ): Promise<Territory> {
    // The caller knows the territory exists (it is one of theirs): a refusal is FORBIDDEN.
    if (!this.access.can(actor, 'update', asSubject('Membership', { territoryId: input.territoryId }))) {
      throw new AccessException(actor.hasPendingCharter ? 'CHARTER_NOT_ACCEPTED' : 'FORBIDDEN');
    }
    return this.database.run({ territoryIds: actor.territoryIds }, async (manager) => {
      const territory = await manager.findOneBy(Territory, { id: input.territoryId });
      if (!territory) throw new IdentityException('TERRITORY_NOT_FOUND');
      territory.settings = { ...territory.settings, smallCountThreshold: input.threshold };
      await manager.save(territory);
      await this.audit.record(manager, {
        territoryId: territory.id,
        actor,
        action: 'SMALL_COUNT_THRESHOLD_CHANGED',
        subject: { type: 'Territory', id: territory.id },
        details: { threshold: input.threshold },
      });
      return territory;
    });
  }

  /** Read in the caller's scoped transaction; null when the territory is not in its scope. */
  async reportingTerritory(manager: EntityManager, territoryId: string): Promise<ReportingTerritory | null> {
    const territory = await manager.findOneBy(Territory, { id: territoryId });
    if (!territory) return null;
    return {
      name: territory.name,
      smallCountThreshold: withDefaultSettings(territory.settings).smallCountThreshold,
    };
  }
}
