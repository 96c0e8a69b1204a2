import fs from 'node:fs';
import { once } from 'node:events';

/** Reads a file line by line without holding it in memory (the stream waits while we work on a line). */
export async function* readLines(file: string): AsyncGenerator<string> {
  const stream = fs.createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let rest = '';
  for await (const chunk of stream) {
    const parts = (rest + (chunk as string)).split('\n');
    rest = parts.pop() ?? '';
    for (const line of parts) if (line.trim()) yield line;
  }
  if (rest.trim()) yield rest;
}

/** Writes one JSON value per line, waiting whenever the disk is behind. */
export class NdjsonWriter {
  private stream: fs.WriteStream;
  private failure: Error | null = null;

  constructor(file: string) {
    this.stream = fs.createWriteStream(file);
    this.stream.on('error', (err) => (this.failure = err));
  }

  async write(value: unknown): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.stream.write(`${JSON.stringify(value)}\n`)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    await new Promise<void>((resolve, reject) =>
      this.stream.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
  }

  destroy(): void {
    this.stream.destroy();
  }
}
