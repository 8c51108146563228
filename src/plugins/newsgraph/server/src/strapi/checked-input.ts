import { errors } from '@strapi/utils';
import { InputError } from '../core/input-error';

/** Runs a body or query check; a InputError becomes a 400 naming the field. */
export function checkedInput<Value>(read: () => Value): Value {
  try {
    return read();
  } catch (error) {
    if (error instanceof InputError) throw new errors.ValidationError(error.message, { errors: [{ path: error.path.split('.'), message: error.message, name: 'ValidationError' }] });
    throw error;
  }
}

