import { describe, expect, it } from '@jest/globals';
import { gitHubEventSigner, gitHubSignature } from './github-event-signer.js';

describe('gitHubSignature', () => {
  it("matches GitHub's documented test values", () => {
    // https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
    expect(gitHubSignature("It's a Secret to Everybody", Buffer.from('Hello, World!'))).toBe(
      'sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17',
    );
  });
});

describe('gitHubEventSigner', () => {
  it('gives every event its own delivery id and body, signed over exactly the bytes sent', () => {
    const next = gitHubEventSigner('secret', 'run1');
    const [first, second] = [next(), next()];

    expect([first.deliveryId, second.deliveryId]).toEqual(['run1-1', 'run1-2']);
    expect(first.body.equals(second.body)).toBe(false);
    expect(first.headers['x-github-delivery']).toBe('run1-1');
    expect(second.headers['x-hub-signature-256']).toBe(gitHubSignature('secret', second.body));
  });
});
