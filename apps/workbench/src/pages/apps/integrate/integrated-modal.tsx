import { Button, Code, Group, Modal, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import type { App, ConnectedApp, Product } from '@switchboard/sdk';

interface IntegratedModalProps {
  app: App;
  product: Product;
  connection: ConnectedApp;
  onClose: () => void;
}

/** Step 7 of seed 001: the connection is made; closing leads to the product. */
export function IntegratedModal({ app, product, connection, onClose }: IntegratedModalProps) {
  return (
    <Modal opened onClose={onClose} title="App integrated" centered>
      <Stack gap="md">
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <ThemeIcon color="teal" variant="light" size="lg" aria-hidden>
            <IconCircleCheck />
          </ThemeIcon>
          <Text>
            {app.name} is connected to {product.name} under the access tag <Code>{connection.access_tag}</Code>, in{' '}
            {connection.envs.map((env) => `${env.product_env_slug} → ${env.app_env_slug}`).join(', ')}.
          </Text>
        </Group>
        <Text size="sm" c="dimmed">
          Press Refresh in the product sidebar to see it in Connected Apps.
        </Text>
        <Group justify="flex-end">
          <Button onClick={onClose}>Close</Button>
        </Group>
      </Stack>
    </Modal>
  );
}
