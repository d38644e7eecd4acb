// The shared test toolkit: accounts and demo keys, ids and ARNs, the emulator fixture, and one
// `eventually`. Unit, host and bench code import what they need from here.
export * from './accounts';
export * from './emulator';
export * from './eventually';
export * from './ids';
export * from './random';
