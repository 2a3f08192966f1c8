import { CodedError } from '../errors/coded-error';

/** NOT_OURS: a profile populate did not write is in the way; DUPLICATE: the file names a profile twice; FILE: the config file cannot be read or written; SHAPE: a kubeconfig list populate cannot edit line by line. */
export type PopulateProblem = 'NOT_OURS' | 'DUPLICATE' | 'FILE' | 'SHAPE';

/** A config file populate will not change as asked; its message says what to do. Exit 1. */
export class PopulateError extends CodedError<PopulateProblem> {
  override readonly name = 'PopulateError';
}
