import { Typography } from '@strapi/design-system';
import { diffWords } from 'diff';

/**
 * The words a verdict judged against the words the statement has now, word by word (jsdiff's
 * diffWords): removed words struck through, added words underlined. Built from text nodes only.
 */
export function TextDiff({ before, after, label }: { before: string; after: string; label: string }) {
  return (
    <Typography tag="p" variant="pi" aria-label={label} data-testid="text-diff">
      {diffWords(before, after).map((part, index) => {
        if (part.removed) return <del key={index} data-testid="diff-removed">{part.value}</del>;
        if (part.added) return <ins key={index} data-testid="diff-added">{part.value}</ins>;
        return <span key={index}>{part.value}</span>;
      })}
    </Typography>
  );
}
