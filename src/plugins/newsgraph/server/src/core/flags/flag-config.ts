import { isPlainObject } from '../model-spec';
import { FLAG_KINDS, SEVERITIES, type FlagKind, type RuleSettings, type Severity } from './flag-types';

/** Plugin config `flags`: which rules run, with which severity and threshold, and the review guards. */
export interface FlagsConfig {
  rules: Record<FlagKind, RuleSettings>;
  /** Publishing a story with open high-severity flags is refused (a 400 listing them). */
  publishGuard: boolean;
  /** Editors (without the review permission) may resolve flags. */
  editorsMayResolve: boolean;
}

export const DEFAULT_FLAGS_CONFIG: FlagsConfig = {
  rules: {
    // 0.5 is the shipped scorer's F1-optimal threshold on ClaimBuster (claim-model.json).
    unverified_claim: { enabled: true, severity: 'medium', threshold: 0.5 },
    unknown_speaker: { enabled: true, severity: 'medium' },
    ambiguous_actor: { enabled: true, severity: 'low' },
    quote_mismatch: { enabled: true, severity: 'high' },
    anonymous_source: { enabled: true, severity: 'medium' },
    single_source_number: { enabled: true, severity: 'medium' },
    missing_source: { enabled: true, severity: 'low' },
    // Medium: an earlier verdict saves the desk work, but the statement is not wrong for repeating.
    repeats_checked_claim: { enabled: true, severity: 'medium' },
  },
  publishGuard: true,
  editorsMayResolve: false,
};

/**
 * The effective config: defaults with what the app's config/plugins.ts sets on top, rule by rule.
 * @returns the merged config and every problem found, each naming its path
 */
export function readFlagsConfig(value: unknown): { config: FlagsConfig; problems: string[] } {
  const problems: string[] = [];
  const config: FlagsConfig = structuredClone(DEFAULT_FLAGS_CONFIG);
  if (value === undefined) return { config, problems };
  if (!isPlainObject(value)) return { config, problems: ['flags must be an object'] };
  for (const key of Object.keys(value)) {
    if (!['rules', 'publishGuard', 'editorsMayResolve'].includes(key)) problems.push(`flags.${key} is not a setting (known: rules, publishGuard, editorsMayResolve)`);
  }
  for (const key of ['publishGuard', 'editorsMayResolve'] as const) {
    if (value[key] === undefined) continue;
    if (typeof value[key] !== 'boolean') problems.push(`flags.${key} must be true or false`);
    else config[key] = value[key] as boolean;
  }
  if (value.rules !== undefined) {
    if (!isPlainObject(value.rules)) {
      problems.push('flags.rules must be an object keyed by flag kind');
    } else {
      for (const [kind, settings] of Object.entries(value.rules)) {
        const path = `flags.rules.${kind}`;
        if (!(FLAG_KINDS as readonly string[]).includes(kind)) {
          problems.push(`${path} is not a flag kind (known: ${FLAG_KINDS.join(', ')})`);
          continue;
        }
        if (!isPlainObject(settings)) {
          problems.push(`${path} must be an object with enabled, severity and (for unverified_claim) threshold`);
          continue;
        }
        const target = config.rules[kind as FlagKind];
        for (const key of Object.keys(settings)) {
          if (!['enabled', 'severity', 'threshold'].includes(key) || (key === 'threshold' && kind !== 'unverified_claim')) problems.push(`${path}.${key} is not a setting of this rule`);
        }
        if (settings.enabled !== undefined) {
          if (typeof settings.enabled !== 'boolean') problems.push(`${path}.enabled must be true or false`);
          else target.enabled = settings.enabled;
        }
        if (settings.severity !== undefined) {
          if (!(SEVERITIES as readonly unknown[]).includes(settings.severity)) problems.push(`${path}.severity must be one of ${SEVERITIES.join(', ')}`);
          else target.severity = settings.severity as Severity;
        }
        if (settings.threshold !== undefined && kind === 'unverified_claim') {
          if (typeof settings.threshold !== 'number' || !(settings.threshold >= 0 && settings.threshold <= 1)) problems.push(`${path}.threshold must be a number from 0 to 1`);
          else target.threshold = settings.threshold;
        }
      }
    }
  }
  return { config, problems };
}
