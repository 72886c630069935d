import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  ConnectionTagRequest,
  CreateConnectionRequest,
  ListConnectionsByAppRequest,
  ListConnectionsByProductRequest,
  ListConnectionsRequest,
  Subjects,
  ConnectAppRequest,
  UpdateConnectionRequest,
  type AccessTagReply,
  type ConnectedAppView,
  type ConnectionView,
} from '@switchboard/contracts';
import { ConnectionsService } from './connections.service.js';

@Controller()
export class ConnectionsController {
  constructor(private readonly connections: ConnectionsService) {}

  @MessagePattern(Subjects.ConnectionAppConnect)
  connect(@Payload() request: ConnectAppRequest): Promise<AccessTagReply> {
    return this.connections.connect(request.workspace_id, request.product_tag, request.app_tag);
  }

  @MessagePattern(Subjects.ConnectionCreate)
  create(@Payload() request: CreateConnectionRequest): Promise<ConnectedAppView> {
    return this.connections.create(request.workspace_id, request.product_tag, request.connection);
  }

  @MessagePattern(Subjects.ConnectionFetch)
  fetch(@Payload() request: ConnectionTagRequest): Promise<ConnectionView> {
    return this.connections.fetch(request.workspace_id, request.product_tag, request.access_tag);
  }

  @MessagePattern(Subjects.ConnectionList)
  list(@Payload() request: ListConnectionsRequest): Promise<ConnectionView[]> {
    return this.connections.list(request.workspace_id, request.product_tag);
  }

  @MessagePattern(Subjects.ConnectionListByApp)
  listByApp(@Payload() request: ListConnectionsByAppRequest): Promise<ConnectionView[]> {
    return this.connections.listByApp(request.workspace_id, request.app_tag);
  }

  @MessagePattern(Subjects.ConnectionListByProduct)
  listByProduct(@Payload() request: ListConnectionsByProductRequest): Promise<ConnectionView[]> {
    return this.connections.listByProduct(request.workspace_id, request.product_tag);
  }

  @MessagePattern(Subjects.ConnectionDelete)
  delete(@Payload() request: ConnectionTagRequest): Promise<ConnectionView> {
    return this.connections.delete(request.workspace_id, request.product_tag, request.access_tag);
  }

  @MessagePattern(Subjects.ConnectionUpdate)
  update(@Payload() request: UpdateConnectionRequest): Promise<ConnectedAppView> {
    return this.connections.update(request.workspace_id, request.product_tag, request.access_tag, request.changes);
  }
}
