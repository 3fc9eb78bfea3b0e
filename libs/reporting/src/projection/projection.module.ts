import { Module } from '@nestjs/common';
import { OutboxConsumer } from '@relais/outbox';
import { ProjectionRebuilder } from './projection-rebuilder';
import { ReportingConsumer } from './reporting-consumer';
import { ReportingProjector } from './reporting-projector';

const PROVIDERS = [OutboxConsumer, ReportingProjector, ReportingConsumer, ProjectionRebuilder];

/**
 * The activity report's projection: its own tables, kept from outbox events by the `reporting`
 * consumer (in the worker) and rebuildable from the outbox history.
 */
@Module({ providers: PROVIDERS, exports: PROVIDERS })
export class ProjectionModule {}
