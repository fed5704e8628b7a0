import type { SelectOption } from '../../shared/ui/form-controls.tsx';

/** The browser's own time zone and language: what "not set" means. */
export const BROWSER_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;
export const BROWSER_LANGUAGE = navigator.language;

let timeZones: SelectOption[] | null = null;

function offsetOf(zone: string, now: Date): string {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' })
      .formatToParts(now)
      .find((p) => p.type === 'timeZoneName');
    return part?.value.replace('GMT', 'UTC') ?? '';
  } catch {
    return '';
  }
}

/** Every IANA zone the browser knows, with its current UTC offset ("Europe/Paris · UTC+1"). */
export function timeZoneOptions(): SelectOption[] {
  if (!timeZones) {
    const now = new Date();
    const zones =
      typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [BROWSER_TIME_ZONE];
    timeZones = zones.map((zone) => ({
      value: zone,
      label: `${zone.replaceAll('_', ' ')} · ${offsetOf(zone, now) || 'UTC'}`,
    }));
  }
  return timeZones;
}

const LANGUAGES = [
  'en-US',
  'en-GB',
  'de-DE',
  'es-ES',
  'fr-FR',
  'it-IT',
  'nl-NL',
  'pl-PL',
  'pt-BR',
  'sv-SE',
  'tr-TR',
  'uk-UA',
  'ja-JP',
  'ko-KR',
  'zh-CN',
  'zh-TW',
];

/** Each language named in itself ("Deutsch (Deutschland)"), so people find their own. */
function nameOf(tag: string): string {
  try {
    return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}

export function languageOptions(saved: string | null): SelectOption[] {
  const tags = saved && !LANGUAGES.includes(saved) ? [...LANGUAGES, saved] : LANGUAGES;
  return tags.map((tag) => ({ value: tag, label: nameOf(tag) }));
}
