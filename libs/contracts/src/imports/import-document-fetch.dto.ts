import { IsUrl, MaxLength } from 'class-validator';
import { WorkspaceScopedRequest } from '../common/workspace-scoped.request.js';

/** `actions.import-document.fetch`: the executor downloads an API document through its address policy. */
export class ImportDocumentFetchRequest extends WorkspaceScopedRequest {
  @MaxLength(8192)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  url!: string;
}

/** Where the downloaded document was stored: its name is the import's `import_id`. */
export interface ImportDocumentFetchReply {
  import_id: string;
  bytes: number;
}
