import { isRouteErrorResponse, useRouteError } from 'react-router';
import { pageTitle } from '../shared/brand.ts';
import { Button } from '../shared/ui/button.tsx';
import { EmptyState } from '../shared/ui/empty-state.tsx';
import { AlertIcon } from '../shared/ui/icons.tsx';
import { NotFoundPage } from './not-found.page.tsx';

/** Shown when rendering a route throws: a way out instead of a blank page. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) {
    return <NotFoundPage />;
  }
  console.error(error);
  return (
    <div className="standalone">
      <title>{pageTitle('Something went wrong')}</title>
      <EmptyState
        icon={<AlertIcon size={24} />}
        title="Something went wrong"
        description="An unexpected error stopped this page. Reloading usually helps; if it keeps happening, tell us what you were doing."
        actions={
          <Button variant="primary" onClick={() => window.location.reload()}>
            Reload
          </Button>
        }
      />
    </div>
  );
}
