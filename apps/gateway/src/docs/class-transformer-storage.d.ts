// class-transformer ships no types for its CommonJS entry, which is the instance the contracts' @Type decorators fill.
declare module 'class-transformer/cjs/storage.js' {
  export { defaultMetadataStorage } from 'class-transformer/types/storage';
}
