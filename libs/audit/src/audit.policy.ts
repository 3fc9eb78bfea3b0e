import { definePolicy, LegalBasis, Role } from '@relais/access';
import { AuditEvent } from './entities';

/** An auditor reads the log and nothing else; a coordinator answers "who saw this file". */
export const auditPolicy = definePolicy({
  name: 'audit',
  subjects: { AuditEvent: { entity: AuditEvent, description: "événement du journal d'audit" } },
  define(principal, { allow }) {
    const auditing = principal.clearedTerritoriesWith(Role.AUDITOR);
    if (auditing.length) {
      allow(
        ['read', 'verify'],
        'AuditEvent',
        { territoryId: { $in: auditing } },
        {
          basis: LegalBasis.MEMBERSHIP,
          explanation: "Vous êtes auditeur·rice de ce territoire : vous lisez son journal d'audit.",
        },
      );
    }
    const following = principal.clearedTerritoriesWith(Role.AUDITOR, Role.COORDINATOR);
    if (following.length) {
      allow(
        'readAccessLog',
        'AuditEvent',
        { territoryId: { $in: following } },
        {
          basis: LegalBasis.MEMBERSHIP,
          explanation: 'La coordination et l’audit du territoire savent qui a consulté un dossier.',
        },
      );
    }
  },
});
