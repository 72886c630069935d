import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DispatchActionRequest, Subjects, type ActionDispatchReply } from '@switchboard/contracts';
import { RunDispatcher } from './run-dispatcher.js';

@Controller()
export class DispatchController {
  constructor(private readonly dispatcher: RunDispatcher) {}

  @MessagePattern(Subjects.ActionsActionDispatch)
  dispatch(@Payload() request: DispatchActionRequest): Promise<ActionDispatchReply> {
    return this.dispatcher.dispatch(request);
  }
}
