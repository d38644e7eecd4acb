// Amazon Kinesis Data Streams, the one read the extension needs: ListStreams (awsJson1_1). The
// streams of the caller's account and region in name order, at most 100 per page (documented:
// a larger Limit still returns at most 100), continued by NextToken or ExclusiveStartStreamName.
import { Handler, epochSeconds, paginate } from './context';
import { ServiceError } from './errors';
import { LIST_STREAMS_TOKEN_WITH_START_NAME } from './behaviour';
import { regionResourcesOf } from './store';

export const STREAMS_PAGE_SIZE = 100;

const invalidArgument = (message: string) => new ServiceError('InvalidArgumentException', 400, message);

export const kinesisHandlers: Record<string, Handler> = {
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
        StreamStatus: stream.status,
        StreamModeDetails: { StreamMode: stream.mode },
        StreamCreationTimestamp: epochSeconds(stream.created),
      })),
    };
  },
};
