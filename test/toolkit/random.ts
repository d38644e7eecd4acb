// Seeded randomness for tests (the emulator's fault dice and the generated corpora) is the
// emulator's own, so a fault rule's `seed` and a test's corpus draw the same way.
export { seededRandom } from '../../emulator/random';
