// Reads one API document off the catalog's event loop (see api-document-reader.ts): the text comes in, the app and
// its warnings, or the refusal, go back as one message.
import 'reflect-metadata';
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '@switchboard/platform';
import type { ReadApiDocumentOptions } from './imported-app.js';
import { readApiDocument } from './read-api-document.js';
import type { WorkerAnswer } from './api-document-reader.js';

const { text, options } = workerData as { text: string; options: ReadApiDocumentOptions };

async function answer(): Promise<WorkerAnswer> {
  try {
    return { imported: await readApiDocument(text, options) };
  } catch (error) {
    if (error instanceof DomainError) return { refused: error.toBody() };
    throw error;
  }
}

parentPort?.postMessage(await answer());
