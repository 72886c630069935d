import { Modal } from '@mantine/core';
import type { App, ConnectedApp, Product } from '@switchboard/sdk';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ChooseProductStep } from './choose-product-step';
import { ConnectionSettingsStep } from './connection-settings-step';
import { IntegratedModal } from './integrated-modal';

type IntegrateStep = { name: 'product' } | { name: 'settings'; product: Product; suggestedAccessTag: string } | { name: 'done'; product: Product; connection: ConnectedApp };

/**
 * Steps 5 to 7 of seed 001 in one flow: which product, then the env mapping, access tag, variables and auth, then a
 * success modal whose closing leads to the product, where Refresh lists the new connection.
 */
export function IntegrateModal({ app, onClose }: { app: App; onClose: () => void }) {
  const [step, setStep] = useState<IntegrateStep>({ name: 'product' });
  const navigate = useNavigate();

  if (step.name === 'done') {
    return <IntegratedModal app={app} product={step.product} connection={step.connection} onClose={() => void navigate(`/products/${encodeURIComponent(step.product.tag)}`)} />;
  }
  return (
    <Modal opened onClose={onClose} size="xl" title={`Integrate ${app.name}`}>
      {step.name === 'product' ? (
        <ChooseProductStep app={app} onNext={(product, suggestedAccessTag) => setStep({ name: 'settings', product, suggestedAccessTag })} />
      ) : (
        <ConnectionSettingsStep
          app={app}
          product={step.product}
          suggestedAccessTag={step.suggestedAccessTag}
          onBack={() => setStep({ name: 'product' })}
          onConnected={(connection) => setStep({ name: 'done', product: step.product, connection })}
        />
      )}
    </Modal>
  );
}
