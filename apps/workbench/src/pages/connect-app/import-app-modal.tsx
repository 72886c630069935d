import { Modal } from '@mantine/core';
import type { AppImportPreview } from '@switchboard/sdk';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { paths } from '../../app/paths';
import { ImportPreviewView } from './import-preview-view';
import { ImportSourceForm } from './import-source-form';

/** "Import App": the Import App Docs modal, a document then its preview; Create or Update leads to the App Overview. */
export function ImportAppModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const [preview, setPreview] = useState<AppImportPreview | undefined>();
  const navigate = useNavigate();
  const close = () => {
    setPreview(undefined);
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title="Import App Docs" size="xl">
      {preview === undefined ? (
        <ImportSourceForm onPreviewed={setPreview} />
      ) : (
        <ImportPreviewView key={preview.import_id} preview={preview} onBack={() => setPreview(undefined)} onCommitted={(app) => void navigate(paths.app(app.tag))} />
      )}
    </Modal>
  );
}
