import { Injectable } from '@nestjs/common';
import { AccessService, asSubject, Principal } from '@relais/access';
import { AuditService } from '@relais/audit';
import { parisDate } from '@relais/config';
import { ScopedDatabase } from '@relais/database';
import { PersonFileService } from './person-file.service';
import { subjectAccessPdf } from './subject-access-pdf';

export type SubjectAccessFormat = 'JSON' | 'PDF';

/**
 * The person's right of access: her whole file, gathered as the coordination reads it, as a JSON
 * file (for another system, or the person's own use) or a French PDF. Each export is audited.
 */
@Injectable()
export class SubjectAccessService {
  constructor(
    private readonly access: AccessService,
    private readonly files: PersonFileService,
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
  ) {}

  async exportPersonData(
    actor: Principal,
    territoryId: string,
    personId: string,
    format: SubjectAccessFormat,
  ): Promise<{ content: Buffer; filename: string }> {
    this.access.assertCan(actor, 'exportPersonData', asSubject('DataSubjectRequest', { territoryId }));
    const file = await this.files.gather(actor, territoryId, personId);
    const content =
      format === 'PDF' ? await subjectAccessPdf(file) : Buffer.from(JSON.stringify(file, null, 2), 'utf8');
    await this.database.run({ territoryIds: [territoryId] }, (manager) =>
      this.audit.record(manager, {
        territoryId,
        actor,
        action: 'DOCUMENT_DOWNLOADED',
        subject: { type: 'Person', id: personId },
        personId,
        details: { document: 'SUBJECT_ACCESS', format },
      }),
    );
    const name = `acces-aux-donnees-${file.person.caseCode}-${parisDate(file.generatedAt)}`;
    return { content, filename: `${name}.${format === 'PDF' ? 'pdf' : 'json'}` };
  }
}
