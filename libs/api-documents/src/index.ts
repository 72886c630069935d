// API documents made up for tests and the bench, shaped like real ones: data only, no I/O, no other library.
export { largeOpenApiDocument } from './large-openapi-document.js';
