import { Injectable, Logger } from '@nestjs/common';
import { ScopedDatabase } from '@relais/database';
import { AuditService } from '../audit.service';
import { SecurityEvent } from './security-event';

/**
 * Records a security event in its own transaction — the request that caused it usually fails and
 * rolls back — and as a log line. Never throws: a refused caller gets the refusal it earned, and
 * a failure to record is logged as an error.
 */
@Injectable()
export class SecurityEventRecorder {
  private readonly logger = new Logger('Security');

  constructor(
    private readonly database: ScopedDatabase,
    private readonly audit: AuditService,
  ) {}

  async record(event: SecurityEvent): Promise<void> {
    this.logger.warn({
      msg: 'Événement de sécurité',
      securityEvent: event.kind,
      territoryId: event.territoryId,
      actorUserId: event.actorUserId ?? null,
      requestId: event.requestId ?? null,
      subjectType: event.subject?.type ?? null,
      subjectId: event.subject?.id ?? null,
      ...event.details,
    });
    const territoryId = event.territoryId;
    if (!territoryId) return;
    try {
      await this.database.run({ territoryIds: [territoryId] }, (manager) =>
        this.audit.record(manager, {
          territoryId,
          actor: event.actorUserId
            ? { userId: event.actorUserId, requestId: event.requestId ?? '' }
            : undefined,
          action: event.kind,
          subject: event.subject ?? { type: 'Security' },
          details: event.details ?? {},
        }),
      );
    } catch (error) {
      this.logger.error({
        err: error,
        securityEvent: event.kind,
        msg: 'Événement de sécurité non enregistré',
      });
    }
  }
}
