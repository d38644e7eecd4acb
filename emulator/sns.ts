// Amazon SNS, the one read the extension needs: ListPlatformApplications (awsQuery). The platform
// applications of the caller's account and region, 100 per page as the API documents.
import { Handler, paginate } from './context';
import { ServiceError } from './errors';
import { regionResourcesOf } from './store';

export const PLATFORM_APPLICATIONS_PAGE_SIZE = 100;

export const snsHandlers: Record<string, Handler> = {
  ListPlatformApplications(context, input) {
    const applications = Object.values(regionResourcesOf(context.state, context.accountId, context.region)?.platformApplications ?? {});
    let page;
    try {
      page = paginate(applications, (application) => application.arn, { NextToken: input.NextToken }, { min: 1, max: PLATFORM_APPLICATIONS_PAGE_SIZE, default: PLATFORM_APPLICATIONS_PAGE_SIZE });
    } catch {
      throw new ServiceError('InvalidParameterException', 400, 'Invalid parameter: NextToken');
    }
    return {
      PlatformApplications: page.items.map((application) => ({ PlatformApplicationArn: application.arn, Attributes: { ...application.attributes } })),
      ...(page.nextToken ? { NextToken: page.nextToken } : {}),
    };
  },
};
