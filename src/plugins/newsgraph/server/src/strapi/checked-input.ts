import { errors } from '@strapi/utils';
import { ReviewInputError } from '../core/flags/review-input';

/** Runs a body or query check; a ReviewInputError becomes a 400 naming the field. */
export function checkedInput<Value>(read: () => Value): Value {
  try {
    return read();
  } catch (error) {
    if (error instanceof ReviewInputError) throw new errors.ValidationError(error.message, { errors: [{ path: error.path.split('.'), message: error.message, name: 'ValidationError' }] });
    throw error;
  }
}

