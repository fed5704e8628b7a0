import { Link } from 'react-router';
import { pageTitle } from '../shared/brand.ts';
import { buttonClass } from '../shared/ui/button.tsx';
import { EmptyState } from '../shared/ui/empty-state.tsx';
import { AlertIcon } from '../shared/ui/icons.tsx';

export function NotFoundPage() {
  return (
    <div className="standalone">
      <title>{pageTitle('Not found')}</title>
      <EmptyState
        icon={<AlertIcon size={24} />}
        title="This page doesn't exist"
        description="The link may be broken, or the page may have moved."
        actions={
          <Link to="/" className={buttonClass('primary')}>
            Go home
          </Link>
        }
      />
    </div>
  );
}
