// The regions are domain knowledge (src/model); re-exported here for the AWS layer's callers.
export * from '../model/regions';
