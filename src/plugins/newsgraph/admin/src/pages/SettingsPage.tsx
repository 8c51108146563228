import { Alert, Box, Button, Field, Flex, NumberInput, SingleSelect, SingleSelectOption, Toggle, Typography } from '@strapi/design-system';
import { Layouts, Page, useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import type { RelinkJob } from '../../../server/src/services/relink';
import { errorMessage, FLAG_KINDS, SEVERITIES } from '../api';
import { RelinkJobRow } from '../components/RelinkJobRow';
import { useTranslate, type TranslationKey } from '../useTranslate';

const SETTINGS = [{ action: 'plugin::newsgraph.settings', subject: null }];

interface RuleSettings {
  enabled: boolean;
  severity: string;
  threshold?: number;
}

interface FlagsSettings {
  rules: Record<string, RuleSettings>;
  publishGuard: boolean;
  editorsMayResolve: boolean;
}


/**
 * Settings > Newsgraph: the flag rules (on or off, severity, the claim threshold), the publish
 * guard, whether editors may resolve flags, and the relink jobs with their progress and a "Relink
 * all" button. Saved settings apply at once; flags follow them at each statement's next save, or
 * at once for all after "Relink all".
 */
function Settings() {
  const { t } = useTranslate();
  const { get, put, post } = useFetchClient();
  const [flags, setFlags] = useState<FlagsSettings | null>(null);
  const [message, setMessage] = useState<{ variant: 'success' | 'danger'; text: string } | null>(null);
  const [jobs, setJobs] = useState<RelinkJob[]>([]);


  useEffect(() => {
    get<{ data: { flags: FlagsSettings } }>('/newsgraph/settings')
      .then((response) => setFlags(response.data.data.flags))
      .catch((error) => setMessage({ variant: 'danger', text: errorMessage(error) }));
  }, [get]);

  const loadJobs = useCallback(async () => {
    try {
      setJobs((await get<{ data: RelinkJob[] }>('/newsgraph/relink')).data.data);
    } catch (error) {
      setMessage({ variant: 'danger', text: errorMessage(error) });
    }
  }, [get]);

  // Live progress: poll while a job runs, rest otherwise.
  const running = jobs.some((job) => job.status === 'running');
  useEffect(() => {
    loadJobs();
    const timer = setInterval(loadJobs, running ? 1000 : 10_000);
    return () => clearInterval(timer);
  }, [loadJobs, running]);

  async function save() {
    if (!flags) return;
    try {
      setFlags((await put<{ data: { flags: FlagsSettings } }>('/newsgraph/settings', { flags })).data.data.flags);
      setMessage({ variant: 'success', text: t('settings.saved') });
    } catch (error) {
      setMessage({ variant: 'danger', text: errorMessage(error) });
    }
  }

  async function relinkAll() {
    try {
      await post('/newsgraph/relink', {});
      await loadJobs();
    } catch (error) {
      setMessage({ variant: 'danger', text: errorMessage(error) });
    }
  }

  const rule = (kind: string, change: Partial<RuleSettings>) => flags && setFlags({ ...flags, rules: { ...flags.rules, [kind]: { ...flags.rules[kind]!, ...change } } });

  return (
    <Page.Main>
      <Page.Title>{t('settings.title')}</Page.Title>
      <Layouts.Header
        title={t('settings.title')}
        subtitle={t('settings.subtitle')}
        primaryAction={<Button onClick={save} disabled={!flags} data-testid="save-settings">{t('settings.save')}</Button>}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={6}>
          {message ? (
            <Alert variant={message.variant} closeLabel={t('action.close')} onClose={() => setMessage(null)} title={message.variant === 'success' ? t('settings.savedTitle') : t('error.action')}>
              {message.text}
            </Alert>
          ) : null}
          {flags ? (
            <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
              <Typography variant="delta" tag="h2">{t('settings.rules')}</Typography>
              <Flex direction="column" alignItems="stretch" gap={4} paddingTop={4}>
                {FLAG_KINDS.map((kind) => {
                  const settings = flags.rules[kind]!;
                  return (
                    <Flex key={kind} gap={4} alignItems="end" wrap="wrap" data-testid={`rule-${kind}`}>
                      <Box minWidth="16rem">
                        <Field.Root name={`${kind}-enabled`}>
                          <Field.Label>{t(`kind.${kind}` as TranslationKey)}</Field.Label>
                          <Toggle onLabel={t('settings.on')} offLabel={t('settings.off')} checked={settings.enabled} onChange={() => rule(kind, { enabled: !settings.enabled })} />
                        </Field.Root>
                      </Box>
                      <Field.Root name={`${kind}-severity`}>
                        <Field.Label>{t('filter.severity')}</Field.Label>
                        <SingleSelect value={settings.severity} onChange={(value: string | number) => rule(kind, { severity: String(value) })}>
                          {SEVERITIES.map((severity) => (
                            <SingleSelectOption key={severity} value={severity}>{t(`severity.${severity}` as TranslationKey)}</SingleSelectOption>
                          ))}
                        </SingleSelect>
                      </Field.Root>
                      {settings.threshold !== undefined ? (
                        <Field.Root name={`${kind}-threshold`} hint={t('settings.thresholdHint')}>
                          <Field.Label>{t('settings.threshold')}</Field.Label>
                          <NumberInput step={0.05} value={settings.threshold} onValueChange={(value: number | undefined) => rule(kind, { threshold: value ?? 0 })} />
                          <Field.Hint />
                        </Field.Root>
                      ) : null}
                    </Flex>
                  );
                })}
              </Flex>
              <Flex gap={6} paddingTop={6} wrap="wrap">
                <Field.Root name="publishGuard" hint={t('settings.publishGuardHint')}>
                  <Field.Label>{t('settings.publishGuard')}</Field.Label>
                  <Toggle onLabel={t('settings.on')} offLabel={t('settings.off')} checked={flags.publishGuard} onChange={() => setFlags({ ...flags, publishGuard: !flags.publishGuard })} />
                  <Field.Hint />
                </Field.Root>
                <Field.Root name="editorsMayResolve" hint={t('settings.editorsMayResolveHint')}>
                  <Field.Label>{t('settings.editorsMayResolve')}</Field.Label>
                  <Toggle onLabel={t('settings.on')} offLabel={t('settings.off')} checked={flags.editorsMayResolve} onChange={() => setFlags({ ...flags, editorsMayResolve: !flags.editorsMayResolve })} />
                  <Field.Hint />
                </Field.Root>
              </Flex>
            </Box>
          ) : null}
          <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Flex justifyContent="space-between" alignItems="center">
              <Typography variant="delta" tag="h2">{t('settings.relinkJobs')}</Typography>
              <Button variant="secondary" onClick={relinkAll} data-testid="relink-all">{t('settings.relinkAll')}</Button>
            </Flex>
            <Typography tag="p" variant="pi" textColor="neutral600">{t('settings.relinkHint')}</Typography>
            <Flex direction="column" alignItems="stretch" gap={3} paddingTop={4}>
              {jobs.length === 0 ? <Typography variant="pi">{t('settings.noJobs')}</Typography> : null}
              {jobs.slice(0, 10).map((job) => <RelinkJobRow key={job.id} job={job} />)}
            </Flex>
          </Box>
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
}

export default function SettingsPage() {
  return (
    <Page.Protect permissions={SETTINGS}>
      <Settings />
    </Page.Protect>
  );
}
