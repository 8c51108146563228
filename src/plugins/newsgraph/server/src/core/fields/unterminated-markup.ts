/**
 * An HTML parser treats everything after an unterminated comment or CDATA opener as part of it, so a
 * stray "<!--" in an editor's text would make the sanitizer drop the rest of the text. Escaping such
 * an opener keeps the text; a terminated comment is left for the sanitizer to remove.
 */
export function escapeUnterminatedMarkup(input: string): string {
  let output = input;
  for (const [opener, closer] of [['<!--', '-->'], ['<![CDATA[', ']]>']] as const) {
    let searchFrom = 0;
    for (;;) {
      const start = output.indexOf(opener, searchFrom);
      if (start === -1) break;
      const end = output.indexOf(closer, start + opener.length);
      if (end !== -1) {
        searchFrom = end + closer.length;
        continue;
      }
      output = `${output.slice(0, start)}&lt;${output.slice(start + 1)}`;
      searchFrom = start + 4;
    }
  }
  return output;
}
