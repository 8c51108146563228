/**
 * Statement suggestions from a story body: what is attributed to whom, with spans into the body.
 * Pure: no Strapi, no I/O. The plugin's service loads the story, calls `extractAttributions` with the
 * texts of its statements, then `resolveSpeakers` with the linker.
 */
export { extractAttributions, foldStatementText, type Attribution, type AttributionKind, type ExtractOptions, type Span } from './extract-attributions';
export { resolveSpeakers, candidateResolver, type ResolvedAttribution } from './speakers';
export { CUE_LEMMAS, type CueKind } from './cue-lexicon';
export { commandLines, type CommandLine } from './command-lines';
export { readRejectedSuggestion, MAX_SUGGESTION_TEXT_LENGTH, type RejectedSuggestion } from './suggestion-input';
