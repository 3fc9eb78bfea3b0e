import { Writable } from 'node:stream';

/** Collects every log line a process under test writes, to assert what must never appear. */
export class LogCapture extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.lines.push(chunk.toString());
    done();
  }

  text(): string {
    return this.lines.join('');
  }
}
