import type { Me, NotificationChannel, NotificationPreferences } from '@pm/users/contract';
import { describeError } from '../../../shared/api/problem.ts';
import { useToast } from '../../../shared/ui/toast.tsx';
import { useUpdateMe } from '../hooks/use-preferences.ts';

const KINDS: { key: keyof NotificationChannel; label: string }[] = [
  { key: 'task_assigned', label: 'A task is assigned to you' },
  { key: 'task_commented', label: 'Someone comments on a task you follow' },
  { key: 'mentioned', label: 'Someone mentions you' },
  { key: 'due_soon', label: 'A task of yours is due soon' },
  { key: 'invitation', label: 'You are invited to an organization' },
];
const CHANNELS = [
  { key: 'email', label: 'Email' },
  { key: 'in_app', label: 'In the app' },
] as const;
const DIGESTS: { value: NotificationPreferences['digest']; label: string }[] = [
  { value: 'off', label: 'Off' },
  { value: 'daily', label: 'Daily' },
  { value: 'weekly', label: 'Weekly' },
];

const DEFAULTS: NotificationPreferences = {
  email: { task_assigned: true, task_commented: true, mentioned: true, due_soon: true, invitation: true },
  in_app: { task_assigned: true, task_commented: true, mentioned: true, due_soon: true, invitation: true },
  digest: 'off',
};

/** One switch per kind and channel; each change is saved at once. */
export function NotificationSettings({ me }: { me: Me }) {
  const prefs = me.profile.notification_preferences ?? DEFAULTS;
  const update = useUpdateMe(me);
  const toast = useToast();
  const save = (patch: Parameters<typeof update.mutate>[0], message: string) =>
    update.mutate(patch, {
      onSuccess: () => toast.show(message),
      onError: (error) => toast.show(describeError(error), 'error'),
    });

  return (
    <div className="notification-settings">
      <table className="table table-flush notification-table">
        <thead>
          <tr>
            <th scope="col">Notify me when</th>
            {CHANNELS.map((channel) => (
              <th key={channel.key} scope="col" className="cell-center">
                {channel.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {KINDS.map((kind) => (
            <tr key={kind.key}>
              <th scope="row" className="row-label">
                {kind.label}
              </th>
              {CHANNELS.map((channel) => {
                const checked = prefs[channel.key][kind.key];
                return (
                  <td key={channel.key} className="cell-center">
                    <input
                      type="checkbox"
                      role="switch"
                      className="switch"
                      checked={checked}
                      disabled={update.isPending}
                      aria-label={`${channel.label}: ${kind.label}`}
                      onChange={() =>
                        save(
                          { notification_preferences: { [channel.key]: { [kind.key]: !checked } } },
                          `${channel.label} notifications ${checked ? 'off' : 'on'}: ${kind.label.toLowerCase()}`,
                        )
                      }
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="setting-row">
        <div>
          <label htmlFor="digest" className="setting-title">
            Email digest
          </label>
          <p className="setting-description">A summary of what happened in your projects.</p>
        </div>
        <select
          id="digest"
          className="input select toolbar-select"
          value={prefs.digest}
          disabled={update.isPending}
          onChange={(event) => {
            const digest = event.target.value as NotificationPreferences['digest'];
            save(
              { notification_preferences: { digest } },
              digest === 'off' ? 'Digest turned off' : `You'll get a ${digest} digest`,
            );
          }}
        >
          {DIGESTS.map((d) => (
            <option key={d.value} value={d.value}>
              {d.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
