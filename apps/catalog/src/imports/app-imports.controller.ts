import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AppImportRequest, Subjects, type AppImportPreview, type AppImportResult } from '@switchboard/contracts';
import { AppImportsService } from './app-imports.service.js';

@Controller()
export class AppImportsController {
  constructor(private readonly imports: AppImportsService) {}

  @MessagePattern(Subjects.CatalogAppImportPreview)
  preview(@Payload() request: AppImportRequest): Promise<AppImportPreview> {
    return this.imports.preview(request);
  }

  @MessagePattern(Subjects.CatalogAppImportCommit)
  commit(@Payload() request: AppImportRequest): Promise<AppImportResult> {
    return this.imports.commit(request);
  }
}
