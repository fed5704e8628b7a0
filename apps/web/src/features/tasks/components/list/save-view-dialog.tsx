import { useState, type FormEvent } from 'react';
import { describeError } from '../../../../shared/api/problem.ts';
import { ErrorBanner } from '../../../../shared/ui/banner.tsx';
import { Button } from '../../../../shared/ui/button.tsx';
import { Dialog } from '../../../../shared/ui/dialog.tsx';
import { Field } from '../../../../shared/ui/field.tsx';
import { Switch } from '../../../../shared/ui/form-controls.tsx';

export interface SaveViewValues {
  name: string;
  shared: boolean;
}

interface SaveViewDialogProps {
  open: boolean;
  title: string;
  submitLabel: string;
  initial: SaveViewValues;
  /** Viewers keep their views to themselves. */
  canShare: boolean;
  /** Resolves when saved; a rejection is shown in the dialog. */
  onSubmit: (values: SaveViewValues) => Promise<unknown>;
  onClose: () => void;
}

/** Names a view (new, or renamed) and chooses whether the project's members see it. */
export function SaveViewDialog(props: SaveViewDialogProps) {
  // Mounted fresh each time it opens, so the fields start from `initial`.
  return props.open ? <SaveViewForm {...props} /> : null;
}

function SaveViewForm({ title, submitLabel, initial, canShare, onSubmit, onClose }: SaveViewDialogProps) {
  const [name, setName] = useState(initial.name);
  const [shared, setShared] = useState(initial.shared);
  const [error, setError] = useState<unknown>(null);
  const [isSaving, setSaving] = useState(false);
  const trimmed = name.trim();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!trimmed) {
      setError('Give the view a name.');
      return;
    }
    setSaving(true);
    setError(null);
    try {
      await onSubmit({ name: trimmed, shared });
      onClose();
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog
      open
      onClose={onClose}
      title={title}
      size="sm"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" form="save-view-form" isLoading={isSaving}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form id="save-view-form" className="form" onSubmit={(event) => void submit(event)} noValidate>
        {error ? <ErrorBanner error={error} /> : null}
        <Field
          label="View name"
          name="name"
          value={name}
          maxLength={100}
          required
          data-autofocus
          onChange={(event) => setName(event.target.value)}
        />
        <Switch
          label="Share with the project"
          description={
            canShare
              ? 'Every member of the project sees shared views; only you see personal ones.'
              : 'Viewers keep their views personal.'
          }
          checked={shared && canShare}
          disabled={!canShare}
          onChange={setShared}
        />
      </form>
    </Dialog>
  );
}
