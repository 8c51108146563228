import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/**
 * How deeply an argument may nest objects and lists, as a literal or in a variable. Strapi turns a
 * filter into a query tree recursively, and a filter nested 2,000 `and`s deep (a few kilobytes of
 * JSON) overflowed its stack: a 500. Real filters nest a handful of levels.
 */
export function inputDepthError(depth: number, maxInputDepth: number, where: string): GraphQLError {
  return new GraphQLError(`Input depth limit of ${maxInputDepth} exceeded (${where} nests ${depth} objects and lists)`, {
    extensions: { code: 'INPUT_DEPTH_EXCEEDED', maxInputDepth, http: { status: 400 } },
  });
}

/**
 * The nesting depth of a JSON value, counted without recursion (so that measuring a hostile value
 * cannot overflow the stack either), stopping as soon as it passes `stopAbove`.
 */
export function jsonDepth(value: unknown, stopAbove: number): number {
  let deepest = 0;
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [current, depth] = pending.pop()!;
    if (current === null || typeof current !== 'object') continue;
    const level = depth + 1;
    if (level > deepest) deepest = level;
    if (deepest > stopAbove) return deepest;
    for (const child of Array.isArray(current) ? current : Object.values(current)) pending.push([child, level]);
  }
  return deepest;
}

/** A validation rule: no literal argument nests objects and lists deeper than `maxInputDepth`. */
export function maxInputDepthRule(maxInputDepth: number) {
  return (context: ValidationContext): ASTVisitor => {
    let depth = 0;
    let reported = false;
    const enter = () => {
      depth += 1;
      if (depth > maxInputDepth && !reported) {
        reported = true;
        context.reportError(inputDepthError(depth, maxInputDepth, 'an argument'));
      }
    };
    const leave = () => {
      depth -= 1;
    };
    return { ObjectValue: { enter, leave }, ListValue: { enter, leave } };
  };
}
