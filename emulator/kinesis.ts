// Amazon Kinesis Data Streams (awsJson1_1): ListStreams for the picker (the streams of the
// caller's account and region in name order, at most 100 per page (documented: a larger Limit
// still returns at most 100), continued by NextToken or ExclusiveStartStreamName), and
// CreateStream + DescribeStreamSummary for "Create stream…" (CREATING, then ACTIVE after a delay).
import { CallContext, Handler, epochSeconds, paginate } from './context';
import { ServiceError } from './errors';
import { LIST_STREAMS_TOKEN_WITH_START_NAME } from './behaviour';
import { addStream } from './resources';
import { StreamState, getOwn, regionResourcesOf } from './store';

export const STREAMS_PAGE_SIZE = 100;

const invalidArgument = (message: string) => new ServiceError('InvalidArgumentException', 400, message);

/** CREATING until `activeAt` for a stream CreateStream made (behaviour.ts STREAM_ACTIVATION_DELAY_MS). */
export function streamStatus(stream: StreamState, now: number): StreamState['status'] {
  return stream.activeAt !== undefined && now >= stream.activeAt ? 'ACTIVE' : stream.status;
}

function findStream(context: CallContext, input: Record<string, unknown>): StreamState {
  if (input.StreamName === undefined && input.StreamARN === undefined) throw invalidArgument('Either StreamName or StreamARN must be given.');
  const streams = regionResourcesOf(context.state, context.accountId, context.region)?.streams ?? {};
  const name = typeof input.StreamName === 'string' ? input.StreamName : /:stream\/(.+)$/.exec(String(input.StreamARN))?.[1] ?? '';
  const stream = getOwn(streams, name);
  if (!stream || (input.StreamARN !== undefined && stream.arn !== input.StreamARN)) {
    throw new ServiceError('ResourceNotFoundException', 400, `Stream ${String(input.StreamName ?? input.StreamARN)} under account ${context.accountId} not found.`);
  }
  return stream;
}

export const kinesisHandlers: Record<string, Handler> = {
  CreateStream(context, input) {
    const name = String(input.StreamName);
    if (getOwn(regionResourcesOf(context.state, context.accountId, context.region)?.streams ?? {}, name)) {
      throw new ServiceError('ResourceInUseException', 400, `Stream ${name} under account ${context.accountId} already exists.`);
    }
    const requestedMode = (input.StreamModeDetails as { StreamMode?: string } | undefined)?.StreamMode;
    const mode = (requestedMode ?? (input.ShardCount !== undefined ? 'PROVISIONED' : 'ON_DEMAND')) as StreamState['mode'];
    if (mode === 'PROVISIONED' && input.ShardCount === undefined) throw invalidArgument('ShardCount is required for a PROVISIONED stream.');
    if (mode === 'ON_DEMAND' && input.ShardCount !== undefined) throw invalidArgument('ShardCount must not be given for an ON_DEMAND stream.');
    const stream = addStream(context.state, context.accountId, context.region, { name, mode, status: 'CREATING', created: context.now });
    stream.activeAt = context.now + context.streamActivationDelayMs;
    stream.shardCount = mode === 'PROVISIONED' ? Number(input.ShardCount) : 4;
    context.changed();
    return undefined;
  },

  DescribeStreamSummary(context, input) {
    const stream = findStream(context, input);
    return {
      StreamDescriptionSummary: {
        StreamName: stream.name,
        StreamARN: stream.arn,
        StreamStatus: streamStatus(stream, context.now),
        StreamModeDetails: { StreamMode: stream.mode },
        RetentionPeriodHours: 24,
        StreamCreationTimestamp: epochSeconds(stream.created),
        EnhancedMonitoring: [{ ShardLevelMetrics: [] }],
        EncryptionType: 'NONE',
        OpenShardCount: stream.shardCount ?? (stream.mode === 'ON_DEMAND' ? 4 : 1),
        ConsumerCount: 0,
      },
    };
  },

  ListStreams(context, input) {
    if (input.NextToken !== undefined && input.ExclusiveStartStreamName !== undefined) {
      // behaviour.ts LIST_STREAMS_TOKEN_WITH_START_NAME: the two ways to continue are not combined.
      throw new ServiceError(LIST_STREAMS_TOKEN_WITH_START_NAME, 400, 'NextToken and ExclusiveStartStreamName cannot be provided together.');
    }
    let streams = Object.values(regionResourcesOf(context.state, context.accountId, context.region)?.streams ?? {});
    if (typeof input.ExclusiveStartStreamName === 'string') {
      const after = input.ExclusiveStartStreamName;
      streams = streams.filter((stream) => stream.name > after);
    }
    // Limit is bounded 1..10000 by the model, validated before this runs; pages hold at most 100.
    const pageSize = Math.min(typeof input.Limit === 'number' ? input.Limit : STREAMS_PAGE_SIZE, STREAMS_PAGE_SIZE);
    let page;
    try {
      page = paginate(streams, (stream) => stream.name, { MaxResults: pageSize, NextToken: input.NextToken }, { min: 1, max: STREAMS_PAGE_SIZE, default: STREAMS_PAGE_SIZE });
    } catch {
      throw invalidArgument('The NextToken is not valid; pass the NextToken of the previous reply unchanged.');
    }
    return {
      StreamNames: page.items.map((stream) => stream.name),
      HasMoreStreams: page.nextToken !== undefined,
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
      StreamSummaries: page.items.map((stream) => ({
        StreamName: stream.name,
        StreamARN: stream.arn,
        StreamStatus: streamStatus(stream, context.now),
        StreamModeDetails: { StreamMode: stream.mode },
        StreamCreationTimestamp: epochSeconds(stream.created),
      })),
    };
  },
};
