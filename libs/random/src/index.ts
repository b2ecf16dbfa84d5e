export { RandomSource, SeededRandomSource } from './random-source.js';
