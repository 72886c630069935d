import { Worker } from 'node:worker_threads';
import { Injectable } from '@nestjs/common';
import { ErrorCode, type ErrorBody } from '@switchboard/contracts';
import { DomainError } from '@switchboard/platform';
import type { ImportedApp, ReadApiDocumentOptions } from './imported-app.js';

/** What the worker posts back: the document read, or the refusal its reader threw. */
export type WorkerAnswer = { imported: ImportedApp } | { refused: ErrorBody };

// Validating and dereferencing a document of thousands of operations recurses as deep as its `$ref` chains go and
// takes seconds of CPU: on the main thread it blocked every other message of the catalog (imports read meanwhile lost
// their Object Store consumers) and sometimes overflowed the default stack. A worker has a stack of its own size.
const WORKER_STACK_MB = 64;
// A 5,000-operation document peaks near 400 MiB; a bound keeps a pathological one from taking the container down.
const WORKER_HEAP_MB = 2048;
// Each read holds the document's graph (hundreds of MiB for 5,000 operations): more at once would only share two CPUs.
const CONCURRENT_READS = 2;
const WORKER_FILE = new URL('./read-api-document.worker.js', import.meta.url);

/** Reads API documents (`readApiDocument`) in worker threads, at most {@link CONCURRENT_READS} at a time. */
@Injectable()
export class ApiDocumentReader {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  /** The app a document describes, or its `document_*` refusal: `readApiDocument` on a worker thread. */
  async read(text: string, options: ReadApiDocumentOptions): Promise<ImportedApp> {
    await this.turn();
    try {
      return await readInWorker(text, options);
    } finally {
      this.running -= 1;
      this.waiting.shift()?.();
    }
  }

  private async turn(): Promise<void> {
    if (this.running >= CONCURRENT_READS) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running += 1;
  }
}

function readInWorker(text: string, options: ReadApiDocumentOptions): Promise<ImportedApp> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_FILE, { workerData: { text, options }, resourceLimits: { stackSizeMb: WORKER_STACK_MB, maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    let answered = false;
    worker.once('message', (answer: WorkerAnswer) => {
      answered = true;
      if ('imported' in answer) resolve(answer.imported);
      else reject(DomainError.fromBody(answer.refused));
    });
    worker.once('error', (error: Error) => reject(readFailure(error)));
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`The API document reader exited with code ${code} before answering`));
    });
  });
}

// A document whose references nest past even the worker's stack, or whose graph outgrows its heap, is the document's
// doing: a 4xx that says so.
function readFailure(error: Error): Error {
  if (error instanceof RangeError && /call stack/i.test(error.message)) {
    return new DomainError(ErrorCode.DocumentInvalid, 'The document nests its schemas or $refs too deeply to be read');
  }
  if ((error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return new DomainError(ErrorCode.DocumentTooLarge, 'The document expands to more than the memory its reading may take (its $refs repeat large schemas): split it');
  }
  return error;
}
