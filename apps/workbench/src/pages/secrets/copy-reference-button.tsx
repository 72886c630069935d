import { CopyTextButton } from '../../components/copy-text-button';
import { secretReference } from '../../components/secret-reference';

/** Seed 002's copy icon next to a secret's name: puts `$Token{KEY}` (never the value) on the clipboard and says so. */
export function CopyReferenceButton({ secretKey }: { secretKey: string }) {
  const reference = secretReference(secretKey);
  return <CopyTextButton text={reference} label={`Copy ${reference}`} copied={{ title: 'Reference copied', message: `${reference} is on the clipboard: paste it where the secret is needed.` }} />;
}
