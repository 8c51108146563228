import type { FlagRule } from '../flag-types';

/** One flag per phrase that fitted several actors and that the linker could not settle. */
export const ambiguousActor: FlagRule = ({ statement }, settings) =>
  statement.ambiguous.map((phrase) => ({
    kind: 'ambiguous_actor' as const,
    severity: settings.severity,
    cause: `${phrase.field}:${phrase.phrase.toLowerCase()}`,
    reason: `"${phrase.phrase}" fits ${phrase.candidates.length} actors and nothing in the story decides`,
  }));
