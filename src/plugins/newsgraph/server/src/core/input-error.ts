/**
 * What the pure readers of route bodies and queries throw when a field is wrong. They live in the
 * core, which knows nothing of Strapi; `strapi/checked-input.ts` turns this into Strapi's
 * ValidationError, a 400 naming the field, before anything is changed.
 */
export class InputError extends Error {
  constructor(
    /** The field, dotted for nested ones (`evidence.0.url`). */
    readonly path: string,
    message: string
  ) {
    super(message);
  }
}
