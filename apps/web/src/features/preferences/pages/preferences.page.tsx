import { ErrorBanner } from '../../../shared/ui/banner.tsx';
import { Card } from '../../../shared/ui/card.tsx';
import { Page } from '../../../shared/ui/page.tsx';
import { Skeleton } from '../../../shared/ui/spinner.tsx';
import { NotificationSettings } from '../components/notification-settings.tsx';
import { PersonalProfileForm } from '../components/personal-profile-form.tsx';
import { useMe } from '../hooks/use-preferences.ts';

export function PreferencesPage() {
  const me = useMe();
  return (
    <Page title="Preferences" description="Your picture, region and the notifications you want.">
      {me.isError ? (
        <ErrorBanner
          title="We couldn't load your preferences"
          error={me.error}
          onRetry={() => void me.refetch()}
        />
      ) : null}
      {me.isPending ? (
        <Card title="Profile and region">
          <Skeleton height={32} />
          <Skeleton height={72} />
          <Skeleton height={32} />
        </Card>
      ) : null}
      {me.data ? (
        <>
          <Card
            title="Profile and region"
            description="Teammates see your picture and bio; dates and times follow your time zone."
          >
            <PersonalProfileForm me={me.data} />
          </Card>
          <Card title="Notifications" description="Changes are saved as you make them.">
            <NotificationSettings me={me.data} />
          </Card>
        </>
      ) : null}
    </Page>
  );
}
