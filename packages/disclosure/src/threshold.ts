/** The smallest count published: a count (or a difference of nested counts) of 1-4, or 0, is protected. */
export const DEFAULT_THRESHOLD = 5;
