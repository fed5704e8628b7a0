import { useState, type FormEvent } from 'react';
import { formErrorsFrom, NO_ERRORS, type FormErrors } from '../../../shared/forms/form-errors.ts';
import { formValues } from '../../../shared/forms/form-values.ts';
import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Button } from '../../../shared/ui/button.tsx';
import { Field } from '../../../shared/ui/field.tsx';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useSaveAsTemplate } from '../hooks/use-project-mutations.ts';
import type { Project } from '../project.types.ts';

const LABELS = { name: 'Template name', description: 'Description' };

/** Saves the workflow and milestones (dated relative to the start) for new projects to reuse. */
export function SaveTemplateForm({ project }: { project: Project }) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const save = useSaveAsTemplate(project.id, project.organization_id);
  const toast = useToast();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = formValues(form, ['name', 'description'] as const);
    if (!values.name.trim()) {
      setErrors({ fields: { name: 'Name the template' }, banner: null });
      return;
    }
    save.mutate(
      { name: values.name.trim(), description: values.description.trim() || null },
      {
        onSuccess: (template) => {
          form.reset();
          setErrors(NO_ERRORS);
          toast.show(`Saved template ${template.name}`);
        },
        onError: (error) => setErrors(formErrorsFrom(error, LABELS)),
      },
    );
  };
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label="Save as template">
      {errors.banner ? <ErrorBanner error={errors.banner} /> : null}
      <div className="form-row">
        <Field
          name="name"
          label={LABELS.name}
          defaultValue={`${project.name} template`}
          maxLength={255}
          error={errors.fields.name}
        />
        <Field
          name="description"
          label={LABELS.description}
          optional
          maxLength={500}
          error={errors.fields.description}
        />
      </div>
      <div className="form-actions">
        <Button type="submit" isLoading={save.isPending}>
          Save as template
        </Button>
      </div>
    </form>
  );
}
