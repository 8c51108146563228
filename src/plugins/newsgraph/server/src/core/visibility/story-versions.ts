/**
 * The version of a story (Draft & Publish) that editors are working on: the draft; a story that
 * only has a published version has just that one. Undefined when there is none.
 */
export function workingVersion<Version extends { publishedAt?: unknown }>(versions: readonly Version[]): Version | undefined {
  return versions.find((version) => version.publishedAt === null) ?? versions[0];
}
