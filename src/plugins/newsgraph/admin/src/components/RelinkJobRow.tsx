import { Box, Flex, Typography } from '@strapi/design-system';
import type { RelinkJob } from '../../../server/src/services/relink';
import { useTranslate, type TranslationKey } from '../useTranslate';

const BAR_COLOUR: Record<RelinkJob['status'], string> = { running: 'primary600', done: 'success600', failed: 'danger600' };

/** The job's subject in the user's language: what it relinks, not a documentId. */
function useSubjectLabel(job: RelinkJob): string {
  const { t } = useTranslate();
  const { subject } = job;
  if (!subject) return job.reason ?? t('settings.jobSubject.unknown');
  if (subject.kind === 'actor') return t(`settings.jobSubject.actor.${subject.change}` as TranslationKey, { name: subject.name });
  return t(`settings.jobSubject.${subject.kind}` as TranslationKey);
}

/**
 * One relink job: what it relinks, when, how far, and a progress bar drawn in the design system's
 * strong colours on a light track (its own ProgressBar is light on light in the settings card).
 */
export function RelinkJobRow({ job }: { job: RelinkJob }) {
  const { t, formatDate } = useTranslate();
  const percent = job.total === 0 ? 100 : Math.round((job.done / job.total) * 100);
  return (
    <Box data-testid="relink-job">
      <Flex justifyContent="space-between" gap={2}>
        <Typography variant="omega" fontWeight="semiBold" data-testid="relink-job-subject">{useSubjectLabel(job)}</Typography>
        <Typography variant="pi" textColor="neutral600">
          {t('settings.jobProgress', { when: formatDate(job.createdAt, { dateStyle: 'medium', timeStyle: 'short' }), done: job.done, total: job.total, status: t(`settings.jobStatus.${job.status}` as TranslationKey) })}
        </Typography>
      </Flex>
      <Box
        background="neutral200"
        hasRadius
        marginTop={1}
        height="0.75rem"
        overflow="hidden"
        role="progressbar"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-label={t('settings.jobProgressLabel')}
      >
        <Box background={BAR_COLOUR[job.status]} height="100%" style={{ width: `${percent}%`, transition: 'width 0.5s' }} data-testid="relink-job-bar" />
      </Box>
    </Box>
  );
}
