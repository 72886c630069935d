/**
 * The limits of an app, in one place: the contract's validators, the importer and the catalog's write path read them
 * (docs/architecture.md, "Limits of an app"). A reply travels in one NATS message, 1 MiB by default (nats-server's
 * `max_payload`), and an app view lists every action: as a summary, never with its schemas, which are fetched one
 * action at a time. The summaries' byte budget keeps any app view well under a message however many actions it has.
 */
export const APP_LIMITS = {
  /** Actions one app holds. */
  actions: 5000,
  /** An app view's action summaries (`actions` of AppView) as JSON, in bytes: 5,000 of 150 bytes fit. */
  actionSummaryBytes: 768 * 1024,
  /** A published template's definition as JSON, in bytes: a template is fetched whole, every schema included. */
  templateBytes: 768 * 1024,
  envs: 50,
  authSchemes: 10,
  nameChars: 200,
  descriptionChars: 2000,
  actionSummaryChars: 500,
  actionDescriptionChars: 10_000,
} as const;

/** The limits of an import's replies (the document's own 10 MiB is IMPORT_DOCUMENT_MAX_BYTES of the platform). */
export const IMPORT_LIMITS = {
  /** Warnings a preview lists; `warning_total` counts them all. */
  previewWarnings: 100,
  /** Characters of a listed warning's message and of its pointer, which may quote the document. */
  warningChars: 300,
  /**
   * A preview or commit reply as JSON, in bytes: under 1 MiB by the room a commit's fuller app view needs beside the
   * preview's outline. A larger one (a re-import whose diff names thousands of long tags) is `app_too_large`.
   */
  replyBytes: 960 * 1024,
} as const;
