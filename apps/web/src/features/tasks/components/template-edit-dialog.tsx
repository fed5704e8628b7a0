import { useState, type FormEvent } from 'react';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../../shared/forms/form-errors.ts';
import { formValues } from '../../../shared/forms/form-values.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Dialog } from '../../../shared/ui/dialog.tsx';
import { Field } from '../../../shared/ui/field.tsx';
import { TextAreaField } from '../../../shared/ui/form-controls.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useUpdateTaskTemplate } from '../hooks/use-task-templates.ts';
import type { TaskTemplate } from '../task-templates.api.ts';

const LABELS = { name: 'Name', description: 'Description' };

/** Renames a task template or changes its description. */
export function TemplateEditDialog({ template, onClose }: { template: TaskTemplate; onClose: () => void }) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const update = useUpdateTaskTemplate();
  const toast = useToast();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const values = formValues(event.currentTarget, ['name', 'description'] as const);
    if (!values.name.trim()) {
      setErrors({ fields: { name: 'Name the template' }, banner: null });
      return;
    }
    update.mutate(
      {
        id: template.id,
        body: { name: values.name.trim(), description: values.description.trim() || null },
      },
      {
        onSuccess: (saved) => {
          toast.show(`Saved ${saved.name}`);
          onClose();
        },
        onError: (error) => setErrors(formErrorsFrom(error, LABELS)),
      },
    );
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={`Edit ${template.name}`}
      size="sm"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" form="edit-task-template-form" variant="primary" isLoading={update.isPending}>
            Save
          </Button>
        </>
      }
    >
      <form
        id="edit-task-template-form"
        className="form"
        onSubmit={onSubmit}
        noValidate
        aria-label={`Edit ${template.name}`}
      >
        {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
        <Field
          name="name"
          label={LABELS.name}
          defaultValue={template.name}
          maxLength={255}
          error={errors.fields.name}
          data-autofocus
          autoComplete="off"
        />
        <TextAreaField
          name="description"
          label={LABELS.description}
          optional
          rows={3}
          defaultValue={template.description ?? ''}
          error={errors.fields.description}
        />
      </form>
    </Dialog>
  );
}
