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
        // Apart and coloured, so "42" replaced by "24" does not read as "4224".
        if (part.removed) return <del key={index} data-testid="diff-removed" style={{ color: '#b72b1a', marginRight: '0.3em' }}>{part.value}</del>;
        if (part.added) return <ins key={index} data-testid="diff-added" style={{ color: '#2f6846', marginRight: '0.3em' }}>{part.value}</ins>;
        return <span key={index}>{part.value}</span>;
      })}
    </Typography>
  );
}
