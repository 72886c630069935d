import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IntegrationFetchRequest, Subjects, type IntegrationFetchReply } from '@switchboard/contracts';
import { IntegrationFetchService } from './integration-fetch.service.js';

@Controller()
export class IntegrationFetchController {
  constructor(private readonly integrationFetch: IntegrationFetchService) {}

  @MessagePattern(Subjects.ActionsIntegrationFetch)
  fetch(@Payload() request: IntegrationFetchRequest): Promise<IntegrationFetchReply> {
    return this.integrationFetch.fetch(request.workspace_id, request.user_id, request.request);
  }
}
