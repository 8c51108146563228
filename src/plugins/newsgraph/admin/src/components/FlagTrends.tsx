import { Alert, Box, Button, Flex, Grid, Loader, Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTheme } from 'styled-components';
import { errorMessage, VERDICTS, useReviewApi, type FlagTrends as Trends } from '../api';
import { useTranslate, type TranslationKey } from '../useTranslate';

const DAYS = 30;
const CHART_HEIGHT = 220;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Longer speaker names are cut on the axis (the tooltip shows them whole). */
const AXIS_NAME_LENGTH = 24;
const shortName = (name: string): string => (name.length > AXIS_NAME_LENGTH ? `${name.slice(0, AXIS_NAME_LENGTH - 1)}…` : name);

/** A duration as a person reads it: "3 d 4 h", "5 h 12 min", "8 min", "under a minute". */
function useDuration() {
  const { t } = useTranslate();
  return (ms: number): string => {
    if (ms >= DAY) return t('trends.duration.days', { days: Math.floor(ms / DAY), hours: Math.floor((ms % DAY) / HOUR) });
    if (ms >= HOUR) return t('trends.duration.hours', { hours: Math.floor(ms / HOUR), minutes: Math.floor((ms % HOUR) / MINUTE) });
    if (ms >= MINUTE) return t('trends.duration.minutes', { minutes: Math.floor(ms / MINUTE) });
    return t('trends.duration.underMinute');
  };
}

/**
 * The desk's trends above the queue, folded by default (it costs a request only when opened): flags
 * opened, resolved and dismissed per day over the last 30 days, the median time to resolution, and
 * the verdicts given to the speakers with the most. Drawn with Recharts in the design system's
 * colours, read from the admin's theme, so that they follow the light and dark themes.
 */
export function FlagTrends() {
  const { t, formatDate } = useTranslate();
  const api = useReviewApi();
  const theme = useTheme();
  const duration = useDuration();
  const [open, setOpen] = useState(false);
  const [trends, setTrends] = useState<Trends | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    let current = true;
    api.trends(DAYS).then(
      (answer) => current && (setTrends(answer), setFailed(null)),
      (error: unknown) => current && setFailed(errorMessage(error))
    );
    return () => {
      current = false;
    };
  }, [api, open]);

  const colors = theme.colors;
  const series = [
    { key: 'opened', color: colors.primary600 },
    { key: 'resolved', color: colors.success600 },
    { key: 'dismissed', color: colors.neutral500 },
  ] as const;
  const verdictColors: Record<(typeof VERDICTS)[number], string> = {
    accurate: colors.success600,
    mostly_accurate: colors.success500,
    misleading: colors.warning500,
    false: colors.danger600,
    unsupported: colors.warning700,
    unverifiable: colors.neutral400,
    not_a_claim: colors.neutral300,
  };
  const axis = { fontSize: 12, fill: colors.neutral600 };
  const tooltip = { contentStyle: { background: colors.neutral0, border: `1px solid ${colors.neutral200}`, borderRadius: 4, color: colors.neutral800 } };
  const day = (date: string) => formatDate(`${date}T12:00:00Z`, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  const speakers = (trends?.speakers ?? []).map((speaker) => ({ name: speaker.name ?? t('trends.noSpeaker'), ...speaker.verdicts }));

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} data-testid="trends">
      <Flex justifyContent="space-between" alignItems="center">
        <Flex direction="column" alignItems="start" gap={1}>
          <Typography variant="delta" tag="h2">{t('trends.title')}</Typography>
          {trends ? (
            <Typography variant="pi" textColor="neutral600" data-testid="trends-summary">
              {t('trends.summary', { days: trends.window.days, opened: trends.totals.opened, resolved: trends.totals.resolved, dismissed: trends.totals.dismissed })}
            </Typography>
          ) : null}
        </Flex>
        <Button variant="tertiary" size="S" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? t('trends.hide') : t('trends.show')}
        </Button>
      </Flex>
      {!open ? null : failed ? (
        <Box paddingTop={4}>
          <Alert variant="danger" title={t('trends.error')} closeLabel={t('action.close')} onClose={() => setFailed(null)}>{failed}</Alert>
        </Box>
      ) : !trends ? (
        <Loader small>{t('trends.loading')}</Loader>
      ) : (
        <Grid.Root gap={4} paddingTop={4}>
          <Grid.Item col={6} s={12} direction="column" alignItems="stretch" data-testid="trends-per-day">
            <Typography variant="sigma" textColor="neutral600">{t('trends.perDay', { days: trends.window.days })}</Typography>
            <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
              <BarChart data={trends.days} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} barGap={0} barCategoryGap="20%">
                <CartesianGrid stroke={colors.neutral150} vertical={false} />
                <XAxis dataKey="date" tickFormatter={day} tick={axis} stroke={colors.neutral300} minTickGap={24} />
                <YAxis allowDecimals={false} tick={axis} stroke={colors.neutral300} />
                <Tooltip labelFormatter={(label) => day(String(label))} cursor={{ fill: colors.neutral100 }} {...tooltip} />
                <Legend itemSorter={null} wrapperStyle={{ fontSize: 12, color: colors.neutral700 }} />
                {series.map(({ key, color }) => (
                  <Bar key={key} dataKey={key} name={t(`trends.series.${key}` as TranslationKey)} fill={color} isAnimationActive={false} />
                ))}
              </BarChart>
            </ResponsiveContainer>
          </Grid.Item>
          <Grid.Item col={2} s={12} direction="column" alignItems="start" gap={1} data-testid="trends-median">
            <Typography variant="sigma" textColor="neutral600">{t('trends.median')}</Typography>
            <Typography variant="alpha" tag="p" data-testid="trends-median-value">
              {trends.resolution.medianMs === null ? '–' : duration(trends.resolution.medianMs)}
            </Typography>
            <Typography variant="pi" textColor="neutral600">{t('trends.medianOf', { count: trends.resolution.resolved })}</Typography>
          </Grid.Item>
          <Grid.Item col={4} s={12} direction="column" alignItems="stretch" data-testid="trends-speakers">
            <Typography variant="sigma" textColor="neutral600">{t('trends.bySpeaker')}</Typography>
            {speakers.length === 0 ? (
              <Box paddingTop={4}>
                <Typography textColor="neutral600">{t('trends.noVerdicts')}</Typography>
              </Box>
            ) : (
              <ResponsiveContainer width="100%" height={Math.max(CHART_HEIGHT, 40 + speakers.length * 28)}>
                <BarChart data={speakers} layout="vertical" margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
                  <CartesianGrid stroke={colors.neutral150} horizontal={false} />
                  <XAxis type="number" allowDecimals={false} tick={axis} stroke={colors.neutral300} />
                  <YAxis type="category" dataKey="name" width={150} tick={axis} tickFormatter={shortName} stroke={colors.neutral300} />
                  <Tooltip cursor={{ fill: colors.neutral100 }} {...tooltip} />
                  <Legend itemSorter={null} wrapperStyle={{ fontSize: 12, color: colors.neutral700 }} />
                  {VERDICTS.filter((verdict) => speakers.some((speaker) => speaker[verdict] > 0)).map((verdict) => (
                    <Bar key={verdict} dataKey={verdict} stackId="verdicts" name={t(`verdict.${verdict}` as TranslationKey)} fill={verdictColors[verdict]} isAnimationActive={false} />
                  ))}
                </BarChart>
              </ResponsiveContainer>
            )}
          </Grid.Item>
        </Grid.Root>
      )}
    </Box>
  );
}
