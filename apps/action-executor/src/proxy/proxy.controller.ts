import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ProxyFetchRequest, Subjects, type IntegrationFetchReply } from '@switchboard/contracts';
import { FetchProxy } from './fetch-proxy.js';

@Controller()
export class ProxyController {
  constructor(private readonly proxy: FetchProxy) {}

  @MessagePattern(Subjects.ActionsFetchProxy)
  fetch(@Payload() request: ProxyFetchRequest): Promise<IntegrationFetchReply> {
    return this.proxy.fetch(request.workspace_id, request.user_id, request.request);
  }
}
