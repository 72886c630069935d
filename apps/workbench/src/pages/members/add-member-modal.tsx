import { Modal, Select, Stack, TextInput } from '@mantine/core';
import type { CreatedMember, CreateMemberInput } from '@switchboard/sdk';
import { useState, type FormEvent } from 'react';
import { useCreateMemberMutation } from '../../api/members';
import { formErrorsOf } from '../../components/form-errors';
import { FormActions } from '../../components/form-actions';
import { ASSIGNABLE_ROLE_OPTIONS } from './role-labels';

type Field = 'name' | 'role';

interface AddMemberModalProps {
  opened: boolean;
  onClose: () => void;
  /** Takes the reply, whose first key is shown this once. */
  onAdded: (member: CreatedMember) => void;
}

/** Adds a member by name and role; its form is unmounted on close. */
export function AddMemberModal({ opened, onClose, onAdded }: AddMemberModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Add a member">
      <AddMemberForm onAdded={onAdded} />
    </Modal>
  );
}

function AddMemberForm({ onAdded }: { onAdded: (member: CreatedMember) => void }) {
  const create = useCreateMemberMutation();
  const [name, setName] = useState('');
  const [role, setRole] = useState<CreateMemberInput['role']>('developer');
  const [nameMissing, setNameMissing] = useState(false);
  const { fields, unplaced } = formErrorsOf<Field>(create.error, { name: 'name', role: 'role' });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.reset();
    const trimmed = name.trim();
    setNameMissing(trimmed === '');
    if (trimmed === '') return;
    create.mutate(
      { name: trimmed, role },
      {
        onSuccess: (member) => {
          // The reply holds the private key: handed to the dialog that shows it, and dropped from the mutation.
          create.reset();
          onAdded(member);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Add a member">
      <Stack gap="sm">
        <TextInput
          label="Name"
          description="Who the member is: a person or a service"
          required
          autoComplete="off"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={nameMissing ? 'Name is required' : fields.name}
          data-autofocus
        />
        <Select
          label="Role"
          required
          allowDeselect={false}
          data={ASSIGNABLE_ROLE_OPTIONS}
          value={role}
          onChange={(value) => {
            const picked = ASSIGNABLE_ROLE_OPTIONS.find((option) => option.value === value);
            if (picked !== undefined) setRole(picked.value);
          }}
          error={fields.role}
        />
        <FormActions submitLabel="Add member" submitting={create.isPending} refusal={{ title: 'Could not add the member', error: unplaced }} />
      </Stack>
    </form>
  );
}
