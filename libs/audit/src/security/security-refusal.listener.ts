import { Injectable } from '@nestjs/common';
import { AccessRefusal, AccessRefusalKind, AccessRefusalListener } from '@relais/access';
import { SecurityEventKind } from './security-event';
import { SecurityEventRecorder } from './security-event.recorder';

const KIND_OF: Record<AccessRefusalKind, SecurityEventKind> = {
  ACCESS: SecurityEventKind.ACCESS_REFUSED,
  CHARTER: SecurityEventKind.CHARTER_REFUSED,
  MUTATION: SecurityEventKind.MUTATION_REFUSED,
};

/** The access library's refusals, written as security events of the territory concerned. */
@Injectable()
export class SecurityRefusalListener implements AccessRefusalListener {
  constructor(private readonly recorder: SecurityEventRecorder) {}

  refused(refusal: AccessRefusal): Promise<void> {
    return this.recorder.record({
      kind: KIND_OF[refusal.kind],
      territoryId: refusal.territoryId,
      actorUserId: refusal.actorUserId,
      requestId: refusal.requestId,
      subject: { type: refusal.subjectType, id: refusal.subjectId },
      details: { action: refusal.action, operation: refusal.operation, answer: refusal.answer },
    });
  }
}
