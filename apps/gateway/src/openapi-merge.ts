import type { Logger } from '@pm/kernel';
import type { Upstream } from './route-table.ts';

/** The members of an OpenAPI document the merge reads; everything else passes through. */
export interface OpenApiDocument {
  openapi: string;
  info: Record<string, unknown>;
  paths?: Record<string, unknown>;
  components?: Record<string, Record<string, unknown> | undefined>;
  tags?: { name: string }[];
  [member: string]: unknown;
}

/**
 * Adds each part's paths, components and tags to a copy of `base`. A name defined twice with
 * different content keeps its first definition and is reported, so one service can never
 * silently redefine another's schema.
 */
export function mergeOpenApiDocuments(
  base: OpenApiDocument,
  parts: OpenApiDocument[],
  onConflict: (name: string) => void = () => undefined,
): OpenApiDocument {
  const merged = structuredClone(base);
  const paths: Record<string, unknown> = (merged.paths ??= {});
  const components: Record<string, Record<string, unknown> | undefined> = (merged.components ??= {});
  const tags = new Map((merged.tags ?? []).map((tag) => [tag.name, tag]));
  const add = (target: Record<string, unknown>, name: string, value: unknown, label: string) => {
    if (!(name in target)) {
      target[name] = value;
    } else if (JSON.stringify(target[name]) !== JSON.stringify(value)) {
      onConflict(label);
    }
  };
  for (const part of parts) {
    for (const [path, item] of Object.entries(part.paths ?? {})) {
      add(paths, path, item, `paths.${path}`);
    }
    for (const [section, entries] of Object.entries(part.components ?? {})) {
      const target = (components[section] ??= {});
      for (const [name, value] of Object.entries(entries ?? {})) {
        add(target, name, value, `components.${section}.${name}`);
      }
    }
    for (const tag of part.tags ?? []) {
      if (!tags.has(tag.name)) {
        tags.set(tag.name, tag);
      }
    }
  }
  if (tags.size > 0) {
    merged.tags = [...tags.values()];
  }
  return merged;
}

async function fetchDocument(url: string, timeoutMs: number): Promise<OpenApiDocument> {
  const res = await fetch(`${url}/openapi.json`, { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) {
    throw new Error(`${url}/openapi.json answered ${res.status}`);
  }
  const document = (await res.json()) as OpenApiDocument;
  if (typeof document !== 'object' || document === null || typeof document.openapi !== 'string') {
    throw new Error(`${url}/openapi.json is not an OpenAPI document`);
  }
  return document;
}

export interface MergedOpenApiOptions {
  /** The gateway's own document: info, security schemes, and any routes of its own. */
  base: () => OpenApiDocument;
  upstreams: Upstream[];
  /** How long an upstream's document is reused before it is fetched again. */
  cacheMs: number;
  timeoutMs?: number;
  logger: Logger;
}

/**
 * The split-mode API document: the base merged with each upstream's `/openapi.json`, fetched at
 * request time and cached briefly. An upstream that is down keeps its last document, or is
 * listed under `x-unavailable-services` until it answers, instead of failing the whole page.
 */
export function mergedOpenApiSource(options: MergedOpenApiOptions): () => Promise<OpenApiDocument> {
  const byUrl = new Map<string, Upstream>(options.upstreams.map((upstream) => [upstream.url, upstream]));
  const entries = new Map<string, { fetchedAt: number; document: Promise<OpenApiDocument | undefined> }>();

  const load = (upstream: Upstream): Promise<OpenApiDocument | undefined> => {
    const entry = entries.get(upstream.url);
    if (entry && Date.now() - entry.fetchedAt < options.cacheMs) {
      return entry.document;
    }
    const previous = entry?.document ?? Promise.resolve(undefined);
    const document = fetchDocument(upstream.url, options.timeoutMs ?? 2000).catch((error: unknown) => {
      options.logger.warn({ err: error, upstream: upstream.service }, 'upstream OpenAPI document unavailable');
      return previous;
    });
    entries.set(upstream.url, { fetchedAt: Date.now(), document });
    return document;
  };

  return async () => {
    const upstreams = [...byUrl.values()];
    const documents = await Promise.all(upstreams.map(load));
    const merged = mergeOpenApiDocuments(
      options.base(),
      documents.filter((document): document is OpenApiDocument => document !== undefined),
      (name) => options.logger.warn({ name }, 'OpenAPI definition differs between services; the first is kept'),
    );
    const unavailable = upstreams.filter((_upstream, i) => documents[i] === undefined).map((upstream) => upstream.service);
    return unavailable.length > 0 ? { ...merged, 'x-unavailable-services': unavailable } : merged;
  };
}
