import { jest } from '@jest/globals';
import { ServiceNatsServer } from './service-nats-server.js';

describe('ServiceNatsServer', () => {
  const server = new ServiceNatsServer({ servers: ['nats://127.0.0.1:1'] });
  const onRun = Object.assign(() => Promise.resolve('run'), { isEventHandler: false });
  const onCommand = Object.assign(() => Promise.resolve('command'), { isEventHandler: false });
  server.addHandler('actions.action.run', onRun);
  server.addHandler({ cmd: 'sum' }, onCommand);

  afterEach(() => jest.restoreAllMocks());

  it('finds the handler of a plain subject without trying to parse it as JSON', () => {
    const parse = jest.spyOn(JSON, 'parse');
    expect(server.getHandlerByPattern('actions.action.run')).toBe(onRun);
    expect(parse).not.toHaveBeenCalled();
  });

  it('still finds the handler of an object pattern sent as JSON', () => {
    expect(server.getHandlerByPattern('{"cmd":"sum"}')).toBe(onCommand);
  });

  it('finds nothing for an unknown subject', () => {
    expect(server.getHandlerByPattern('actions.action.unknown')).toBeNull();
  });
});
