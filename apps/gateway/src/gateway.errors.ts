import { AppError } from '@pm/kernel';

/** The service behind a route did not answer (down, unreachable or too slow). */
export class UpstreamUnavailableError extends AppError {
  readonly code = 'UPSTREAM_UNAVAILABLE';
  readonly httpStatus = 503;
  constructor(service: string) {
    super(`The ${service} service is not answering; try again shortly`);
    this.headers['retry-after'] = '5';
  }
}
