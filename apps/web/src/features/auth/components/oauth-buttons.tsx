import { useQuery } from '@tanstack/react-query';
import { buttonClass } from '../../../shared/ui/button.tsx';
import { listOAuthProviders, oauthStartUrl } from '../auth.api.ts';
import { authKeys } from '../auth.keys.ts';
import { rememberOAuthReturn } from '../oauth-return.ts';

/** One "Continue with …" link per configured provider; nothing at all when there are none. */
export function OAuthButtons({ next }: { next: string }) {
  const providers = useQuery({
    queryKey: authKeys.providers,
    queryFn: ({ signal }) => listOAuthProviders(signal),
    staleTime: 5 * 60_000,
  });
  // Providers are optional: while loading or on failure, password sign-in stays available alone.
  if (!providers.data || providers.data.length === 0) {
    return null;
  }
  return (
    <div className="oauth">
      <div className="divider" role="separator">
        <span>or</span>
      </div>
      <div className="oauth-list">
        {providers.data.map((provider) => (
          <a
            key={provider.id}
            href={oauthStartUrl(provider.id)}
            className={buttonClass('secondary', 'lg', 'btn-block')}
            onClick={() => rememberOAuthReturn(next)}
          >
            Continue with {provider.name}
          </a>
        ))}
      </div>
    </div>
  );
}
