import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ImportDocumentFetchRequest, Subjects, type ImportDocumentFetchReply } from '@switchboard/contracts';
import { ImportDocumentFetchService } from './import-document-fetch.service.js';

@Controller()
export class ImportDocumentFetchController {
  constructor(private readonly documents: ImportDocumentFetchService) {}

  @MessagePattern(Subjects.ActionsImportDocumentFetch)
  fetch(@Payload() request: ImportDocumentFetchRequest): Promise<ImportDocumentFetchReply> {
    return this.documents.fetch(request.url);
  }
}
