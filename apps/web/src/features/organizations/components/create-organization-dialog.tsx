import { useRef, useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../../shared/forms/form-errors.ts';
import { formValues, useFocusFirstInvalid } from '../../../shared/forms/form-values.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Dialog } from '../../../shared/ui/dialog.tsx';
import { Field } from '../../../shared/ui/field.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useCreateOrganization } from '../hooks/use-organization-mutations.ts';

const LABELS = { name: 'Name' };

/** A new organization, with the caller as its owner; it becomes the current one. */
export function CreateOrganizationDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useCreateOrganization();
  const navigate = useNavigate();
  const toast = useToast();
  useFocusFirstInvalid(formRef, errors);

  const close = () => {
    setErrors(NO_ERRORS);
    onClose();
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const { name } = formValues(event.currentTarget, ['name'] as const);
    if (!name.trim()) {
      setErrors({ fields: { name: 'Name the organization' }, banner: null });
      return;
    }
    create.mutate(
      { name: name.trim() },
      {
        onSuccess: (organization) => {
          toast.show(`Created ${organization.name}`);
          close();
          void navigate('/projects');
        },
        onError: (error) => setErrors(formErrorsFrom(error, LABELS)),
      },
    );
  };

  return (
    <Dialog
      open={open}
      onClose={close}
      title="Create organization"
      description="A separate space with its own members, teams and projects. You'll be its owner."
      size="sm"
      footer={
        <>
          <Button variant="ghost" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" form="create-organization" variant="primary" isLoading={create.isPending}>
            Create organization
          </Button>
        </>
      }
    >
      <form
        id="create-organization"
        ref={formRef}
        className="form"
        onSubmit={onSubmit}
        noValidate
        aria-label="Create organization"
      >
        {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
        <Field
          name="name"
          label={LABELS.name}
          placeholder="Acme Inc."
          maxLength={255}
          error={errors.fields.name}
        />
      </form>
    </Dialog>
  );
}
