import { bodyOf } from './webhook-event-views.js';

describe('bodyOf', () => {
  it('gives UTF-8 text as text', () => {
    expect(bodyOf(Buffer.from('{"name":"Zoë","emoji":"🪝"}'))).toEqual({ body: '{"name":"Zoë","emoji":"🪝"}', body_encoding: 'utf8' });
    expect(bodyOf(Buffer.alloc(0))).toEqual({ body: '', body_encoding: 'utf8' });
  });

  it('gives bytes that are not UTF-8 as base64', () => {
    expect(bodyOf(Buffer.from([0x7b, 0xff, 0x7d]))).toEqual({ body: 'e/99', body_encoding: 'base64' });
  });

  it('gives text JSON would escape past its base64 as base64, so a reply never outgrows the receipt', () => {
    const controls = Buffer.from('\u0001'.repeat(30));
    expect(bodyOf(controls)).toEqual({ body: controls.toString('base64'), body_encoding: 'base64' });
  });
});
