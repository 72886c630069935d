export const Subjects = { Ping: 'proto.ping' } as const;
