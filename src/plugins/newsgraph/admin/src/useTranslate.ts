import { useIntl } from 'react-intl';
import { PLUGIN_ID } from './pluginId';
import en from './translations/en.json';

export type TranslationKey = keyof typeof en;

/**
 * t('queue.empty') reads the plugin's translation of a key, with the English text as the fallback,
 * so that every label goes through translations/<locale>.json and a missing key shows English.
 */
export function useTranslate() {
  const { formatMessage, formatDate } = useIntl();
  const t = (key: TranslationKey, values?: Record<string, string | number>) => formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: en[key] }, values);
  return { t, formatDate };
}
