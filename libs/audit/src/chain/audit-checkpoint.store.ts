import { randomBytes } from 'node:crypto';
import { link, mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditCheckpoint, parseCheckpoint } from './audit-checkpoint';

/** A file of the store: its checkpoint, or undefined when it cannot be read as one. */
export interface StoredCheckpoint {
  readonly name: string;
  readonly checkpoint: AuditCheckpoint | undefined;
}

/**
 * Where checkpoints are kept, outside the database. Append-only: a checkpoint is never replaced,
 * and a second one for the same sequence leaves the first in place.
 */
export abstract class AuditCheckpointStore {
  /** `false` when a checkpoint of this sequence was already there (it is kept, not replaced). */
  abstract append(checkpoint: AuditCheckpoint): Promise<boolean>;
  /** Every checkpoint of the territory, in sequence order. */
  abstract list(territoryId: string): Promise<StoredCheckpoint[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CHECKPOINT_FILE = /^(\d{20})\.json$/;

/**
 * One directory per territory, one file per checkpoint named by its sequence (zero-padded, so names
 * sort as sequences). A file is written whole under a temporary name, fsynced, then hard-linked to
 * its final name, which fails if the name exists: no reader sees half a file, nothing is
 * overwritten. Files are created read-only; the directory may also be made append-only by the
 * operator (`chattr +a`) or be a mount of write-once storage.
 */
export class FileAuditCheckpointStore extends AuditCheckpointStore {
  constructor(private readonly directory: string) {
    super();
  }

  async append(checkpoint: AuditCheckpoint): Promise<boolean> {
    const directory = this.territoryDirectory(checkpoint.territoryId);
    await mkdir(directory, { recursive: true, mode: 0o750 });
    const name = `${checkpoint.sequence.padStart(20, '0')}.json`;
    const temporary = join(directory, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
    const file = await open(temporary, 'wx', 0o440);
    try {
      await file.writeFile(`${JSON.stringify(checkpoint)}\n`);
      await file.sync();
    } finally {
      await file.close();
    }
    try {
      await link(temporary, join(directory, name));
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      // On an append-only directory the temporary name stays; readers skip dot files.
      await unlink(temporary).catch(() => undefined);
    }
  }

  async list(territoryId: string): Promise<StoredCheckpoint[]> {
    const directory = this.territoryDirectory(territoryId);
    let names: string[];
    try {
      names = await readdir(directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const stored: StoredCheckpoint[] = [];
    for (const name of names.filter((entry) => CHECKPOINT_FILE.test(entry)).sort()) {
      const checkpoint = parseCheckpoint(await readFile(join(directory, name), 'utf8'));
      // A file whose name and content disagree was not written by `append`.
      const sound =
        checkpoint &&
        checkpoint.territoryId === territoryId &&
        checkpoint.sequence.padStart(20, '0') === CHECKPOINT_FILE.exec(name)![1];
      stored.push({ name, checkpoint: sound ? checkpoint : undefined });
    }
    return stored;
  }

  private territoryDirectory(territoryId: string): string {
    // Territory ids come from the database: checked before they become a path.
    if (!UUID.test(territoryId)) throw new Error('Identifiant de territoire invalide.');
    return join(this.directory, territoryId.toLowerCase());
  }
}
